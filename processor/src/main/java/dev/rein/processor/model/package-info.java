/**
 * What the processor knows about a regularizer once its source has been checked, as plain immutable values with no
 * javac types: {@link dev.rein.processor.model.RegularizerModel}, {@link dev.rein.processor.model.ParamModel}.
 *
 * <p>Depends on: {@code dev.rein.api.spi} (kinds, parameter types and descriptors) and the JDK only.
 */
package dev.rein.processor.model;
