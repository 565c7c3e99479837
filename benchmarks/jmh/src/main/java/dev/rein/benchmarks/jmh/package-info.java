/**
 * JMH micro-benchmarks: applying an element-wise penalty and its gradient to an array of weights through the
 * processor's generated glue, against a hand-written loop, a reflective call per weight and a per-element interface
 * call. Run with {@code java -jar benchmarks/jmh/target/benchmarks.jar}; results in {@code BENCHMARKS.md}.
 *
 * <p>Depends on: {@code rein-api}, {@code rein-plugins}, JMH.
 */
package dev.rein.benchmarks.jmh;
