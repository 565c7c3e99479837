/**
 * The spec language, {@code l1(lambda=1e-5) + max_norm(c=3)}: {@link dev.rein.runtime.spec.SpecParser} reads text
 * into a {@link dev.rein.runtime.spec.Spec}, and {@link dev.rein.runtime.spec.SpecBinder} binds it against a
 * registry into a {@link dev.rein.runtime.spec.Regularization} of ready-to-use hooks; every error is a
 * {@link dev.rein.runtime.spec.SpecException} that names the column and what would be valid, with a tag
 * ({@code spec-...}) from {@code SpecMessages}, where every problem is worded.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.registry} (only {@code RegularizerCatalog} and
 * {@code RegisteredRegularizer}), {@link dev.rein.runtime.ReinMessage} and the JDK.
 */
package dev.rein.runtime.spec;
