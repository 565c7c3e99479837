/**
 * The {@code META-INF/services/dev.rein.api.spi.RegularizerProvider} file: {@link
 * dev.rein.processor.services.ServicesFile} merges generated and hand-written entries (plain Java, unit-tested)
 * and {@link dev.rein.processor.services.ServicesFileWriter} reads and writes it through javac's {@code Filer}.
 *
 * <p>Depends on: {@code dev.rein.processor.check} (for reporting), {@code rein-api} and the JDK.
 */
package dev.rein.processor.services;
