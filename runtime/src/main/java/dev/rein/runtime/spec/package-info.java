/**
 * The spec language, {@code l1(lambda=1e-5) + max_norm(c=3)}: {@link dev.rein.runtime.spec.SpecParser} reads text
 * into a {@link dev.rein.runtime.spec.Spec}, and {@link dev.rein.runtime.spec.Regularization} binds it against the
 * registry into ready-to-use hook instances, with errors that name the column and what would be valid.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.registry}.
 */
package dev.rein.runtime.spec;
