/**
 * The Rein annotation processor: {@link dev.rein.processor.ReinProcessor}, a thin entry point that hands every
 * {@code @Regularizer} class to the checks of {@code .check}, the generators of {@code .generate} and the
 * services-file writer of {@code .services}.
 *
 * <p>Depends on: its sub-packages, {@code rein-api} and {@code javax.annotation.processing}.
 */
package dev.rein.processor;
