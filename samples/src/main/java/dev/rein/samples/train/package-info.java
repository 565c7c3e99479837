/**
 * One training run as the command line does it: pick an optimiser whose learning rate means the same at every batch
 * size ({@link dev.rein.samples.train.OptimiserChoice}), check the spec and the model's size before training
 * ({@link dev.rein.samples.train.TrainingJob}, {@link dev.rein.samples.train.ModelSize}), train Tribuo's linear SGD
 * classifier, name a plugin that fails ({@link dev.rein.samples.train.PluginFailure}), report
 * ({@link dev.rein.samples.train.TrainingResult}) and save without losing a file
 * ({@link dev.rein.samples.train.ModelFile}). Reading the data is {@code dev.rein.samples.data}'s job.
 *
 * <p>Depends on: {@code rein-runtime} and Tribuo.
 */
package dev.rein.samples.train;
