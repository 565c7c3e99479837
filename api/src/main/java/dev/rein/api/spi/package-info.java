/**
 * The provider SPI: how Rein finds and builds regularizers. The annotation processor implements
 * {@link dev.rein.api.spi.RegularizerProvider} for every {@code @Regularizer} and lists it in
 * {@code META-INF/services/dev.rein.api.spi.RegularizerProvider}, where {@link java.util.ServiceLoader} finds it.
 *
 * <p>Depends on: {@code dev.rein.api.hook} and the JDK. Parameter parsing and bound checks live here
 * ({@link dev.rein.api.spi.ParamDescriptor#parse}) so that the processor (checking defaults at compile time) and
 * the runtime (checking specs) apply the very same rules; so does {@link dev.rein.api.spi.SpecNames}, the one
 * definition of a valid name and of the spec keys Rein reserves ({@code on}, {@code after}, {@code mode}).
 */
package dev.rein.api.spi;
