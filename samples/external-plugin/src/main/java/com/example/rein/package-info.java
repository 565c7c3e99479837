/**
 * An example Rein plugin as an outside author writes one: {@link com.example.rein.Cauchy}, an element-wise
 * penalty that {@code rein-processor} turns into a provider at compile time.
 *
 * <p>Depends on: {@code rein-api} only (and {@code rein-runtime} in its tests, for the plugin checker).
 */
package com.example.rein;
