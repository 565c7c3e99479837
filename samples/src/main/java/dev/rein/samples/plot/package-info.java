/**
 * The pictures of {@code --plots DIR}, each written as PNG and SVG with XChart: the regularization path of a sweep
 * ({@link dev.rein.samples.plot.PathChart}), learning curves of a training run
 * ({@link dev.rein.samples.plot.LearningCurveChart}), a histogram of the trained weights with and without
 * regularization ({@link dev.rein.samples.plot.WeightHistogram}) and the specs of {@code rein compare} side by side
 * ({@link dev.rein.samples.plot.CompareChart}); {@link dev.rein.samples.plot.ChartFolder} checks the folder before
 * any training and writes the files.
 *
 * <p>Depends on: {@code dev.rein.samples.sweep} and {@code dev.rein.samples.train} (the results drawn), Tribuo's
 * models (their weights) and XChart.
 */
package dev.rein.samples.plot;
