/**
 * Rein's runtime: finds plugins ({@link dev.rein.runtime.registry}), reads specs ({@link dev.rein.runtime.spec}),
 * checks plugins ({@link dev.rein.runtime.check}) and puts regularization into Tribuo training
 * ({@link dev.rein.runtime.tribuo}, and {@link dev.rein.runtime.tribuo.trainer} for the trainers that own the epoch
 * loop: early stopping, divergence checks, progress).
 *
 * <p>Depends on: {@code rein-api} and Tribuo. Never on the built-in plugins, which are found like any other.
 */
package dev.rein.runtime;
