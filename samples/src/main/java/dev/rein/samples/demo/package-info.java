/**
 * {@code rein demo}: a small generated problem where regularization visibly matters
 * ({@link dev.rein.samples.demo.DemoData}), trained without and with several built-ins side by side
 * ({@link dev.rein.samples.demo.Demo}).
 *
 * <p>Depends on: {@link dev.rein.samples.train}, {@code rein-runtime} and Tribuo. No downloads.
 */
package dev.rein.samples.demo;
