/**
 * Plugin discovery: {@link dev.rein.runtime.registry.PluginRegistry} finds every
 * {@link dev.rein.api.spi.RegularizerProvider} on the class path and in plugin folders (each jar in its own
 * {@code PluginClassLoader} that shares only {@code dev.rein.api}), and reports each broken, duplicate or
 * incompatible plugin as a {@link dev.rein.runtime.registry.PluginProblem} without stopping the others. The
 * folders of the {@code rein.plugins} system property are read the same way: a malformed value is a problem that
 * quotes it, never an exception; and the JVM-wide {@code PluginRegistry.shared()} cannot be closed. Every problem
 * is worded in {@code RegistryMessages} and tagged {@code plugin-...}.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.ReinMessage} and the JDK only.
 */
package dev.rein.runtime.registry;
