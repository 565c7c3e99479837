/**
 * The annotations a plugin author writes: {@link dev.rein.api.Regularizer}, {@link dev.rein.api.Penalty},
 * {@link dev.rein.api.Gradient}, {@link dev.rein.api.Proximal}, {@link dev.rein.api.ClosedForm} and
 * {@link dev.rein.api.Param}.
 *
 * <p>Lives here: what an author's source mentions. Depends on: nothing outside the JDK; this whole module
 * ({@code rein-api}) has no dependency, so a plugin jar pulls in nothing else. Class loaders of plugin jars share
 * exactly the {@code dev.rein.api} packages with Rein.
 */
package dev.rein.api;
