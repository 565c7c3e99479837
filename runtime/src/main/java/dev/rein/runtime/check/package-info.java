/**
 * The plugin checker behind {@code rein check}, a public API an author also calls from JUnit:
 * {@link dev.rein.runtime.check.PluginChecker} builds a regularizer from its provider and tests it numerically
 * (gradients against finite differences, proximal operators against their optimality condition, projections
 * for idempotence, layers' backward passes against their forward passes), reporting a
 * {@link dev.rein.runtime.check.CheckReport}. Each check is named and tagged ({@code check-...}) in
 * {@code CheckMessages}; a failed line of a report starts with the tag.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.registry} (only {@code RegisteredRegularizer}),
 * {@link dev.rein.runtime.ReinMessage} and the JDK.
 */
package dev.rein.runtime.check;
