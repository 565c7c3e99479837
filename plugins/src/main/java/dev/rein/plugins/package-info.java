/**
 * Rein's built-in regularizers, written exactly as a user writes a plugin: annotated classes that
 * {@code rein-processor} turns into providers at compile time. Penalties: {@link dev.rein.plugins.L1},
 * {@link dev.rein.plugins.L2}, {@link dev.rein.plugins.ElasticNet}; constraints: {@link dev.rein.plugins.MaxNorm},
 * {@link dev.rein.plugins.NonNegative}; stopping rule: {@link dev.rein.plugins.EarlyStopping}; layers of Rein's
 * network: {@link dev.rein.plugins.Dropout}, {@link dev.rein.plugins.GaussianNoise} (activation regularizers) and
 * {@link dev.rein.plugins.BatchNorm} (a normalization).
 *
 * <p>Depends on: {@code rein-api} only (the processor at compile time). Rein finds these through
 * {@link java.util.ServiceLoader} like any other plugin and lists them as built-in.
 */
package dev.rein.plugins;
