/**
 * Benchmark drivers behind {@code benchmarks/run.sh}: data preparation (Fashion-MNIST to libsvm, a generated sparse
 * set), Rein's timed training runs, and the binary objective computed the same way for Rein, scikit-learn and
 * liblinear. Results are JSON lines that {@code benchmarks/report.py} turns into {@code BENCHMARKS.md}.
 *
 * <p>Depends on: {@code dev.rein.samples.train} and {@code dev.rein.samples.data} (the same training path as
 * {@code rein train}), rein-runtime,
 * Tribuo and picocli.
 */
package dev.rein.samples.bench;
