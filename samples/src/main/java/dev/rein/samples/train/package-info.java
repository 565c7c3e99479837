/**
 * One training run as the command line does it: load data with Tribuo's loaders
 * ({@link dev.rein.samples.train.DataFiles}), pick an optimiser ({@link dev.rein.samples.train.OptimiserChoice}),
 * train Tribuo's linear SGD classifier with a spec, and report ({@link dev.rein.samples.train.TrainingResult}).
 *
 * <p>Depends on: {@code rein-runtime} and Tribuo.
 */
package dev.rein.samples.train;
