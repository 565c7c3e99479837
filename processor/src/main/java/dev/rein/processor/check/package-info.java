/**
 * The compile-time checks: reads {@code @Regularizer} classes through javac's element API, reports every broken
 * rule as a javac error worded in {@link dev.rein.processor.check.Messages}, and turns a valid class into a
 * {@link dev.rein.processor.model.RegularizerModel}.
 *
 * <p>Depends on: {@code dev.rein.processor.model}, {@code rein-api} and {@code javax.lang.model}; never on the
 * generators.
 */
package dev.rein.processor.check;
