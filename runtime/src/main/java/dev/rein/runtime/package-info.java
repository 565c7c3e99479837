/**
 * Rein's runtime: finds plugins ({@link dev.rein.runtime.registry}), reads specs ({@link dev.rein.runtime.spec}),
 * checks plugins ({@link dev.rein.runtime.check}) and puts regularization into Tribuo training
 * ({@link dev.rein.runtime.tribuo}).
 *
 * <p>Depends on: {@code rein-api} and Tribuo. Never on the built-in plugins, which are found like any other.
 */
package dev.rein.runtime;
