/**
 * Numerical rules that Rein applies in two places and must apply alike: {@link dev.rein.api.numeric.GradientTolerance}
 * decides whether a gradient agrees with a reference, both in {@code rein check} (against finite differences) and in
 * the processor (a written {@code @Gradient} against the derived one, at compile time).
 *
 * <p>Depends on: nothing outside the JDK.
 */
package dev.rein.api.numeric;
