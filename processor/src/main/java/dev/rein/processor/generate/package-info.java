/**
 * The code generators: each turns a {@link dev.rein.processor.model.RegularizerModel} into a JavaPoet
 * {@code JavaFile} (the provider, the element-wise penalty glue) and never sees a javac type, so it is tested
 * without a compiler.
 *
 * <p>Depends on: {@code dev.rein.processor.model}, {@code rein-api} and JavaPoet ({@code com.palantir.javapoet}).
 */
package dev.rein.processor.generate;
