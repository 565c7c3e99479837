/**
 * The {@code rein} command line (picocli): {@code list}, {@code describe}, {@code check}, {@code train} and
 * {@code demo}. {@link dev.rein.samples.cli.ReinCli} is the entry point; each subcommand is a small class.
 *
 * <p>Depends on: {@link dev.rein.samples.train}, {@link dev.rein.samples.data}, {@link dev.rein.samples.demo},
 * {@code rein-runtime}, picocli.
 */
package dev.rein.samples.cli;
