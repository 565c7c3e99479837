/**
 * Example Rein plugins as an outside author writes them: {@link com.example.rein.Cauchy}, an element-wise
 * penalty, and {@link com.example.rein.GaussianDropout}, a layer for Rein's network; {@code rein-processor} turns
 * each into a provider at compile time.
 *
 * <p>Depends on: {@code rein-api} only (and {@code rein-runtime} in its tests, for the plugin checker).
 */
package com.example.rein;
