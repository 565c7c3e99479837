/**
 * Finding the right strength: {@code rein sweep}, {@code rein compare} and {@code rein merge}. A
 * {@link dev.rein.samples.sweep.SweepSpec} is a spec whose numeric values may be ranges or lists
 * ({@code l1(lambda=1e-6..1e-1 log 12)}); a {@link dev.rein.samples.sweep.SweepPlan} checks every trial before any
 * training; a {@link dev.rein.samples.sweep.Sweep} runs the trials in parallel, each a pure function of (data, spec,
 * seed), optionally through Tribuo's {@code CrossValidation}; a {@link dev.rein.samples.sweep.Shard} picks one slice
 * for a job array and {@link dev.rein.samples.sweep.ShardMerge} joins the slices' JSON.
 *
 * <p>Depends on: {@code dev.rein.samples.train} (one training run), {@code rein-runtime}, Tribuo and Jackson.
 */
package dev.rein.samples.sweep;
