/**
 * Rein's samples: the {@code rein} command line ({@link dev.rein.samples.cli}), strict data reading
 * ({@link dev.rein.samples.data}), the training job behind
 * {@code rein train} ({@link dev.rein.samples.train}) and the demo ({@link dev.rein.samples.demo}).
 *
 * <p>Depends on: {@code rein-runtime}, {@code rein-plugins}, picocli. Nothing depends on this module.
 */
package dev.rein.samples;
