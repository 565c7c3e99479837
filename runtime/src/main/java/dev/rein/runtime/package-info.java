/**
 * Rein's runtime: finds plugins ({@link dev.rein.runtime.registry}), reads specs ({@link dev.rein.runtime.spec}),
 * checks plugins ({@link dev.rein.runtime.check}) and puts regularization into Tribuo training
 * ({@link dev.rein.runtime.tribuo}, and {@link dev.rein.runtime.tribuo.trainer} for the trainers that own the epoch
 * loop: early stopping, divergence checks, progress).
 *
 * <p>What Rein tells people follows one convention, {@link dev.rein.runtime.ReinMessage}: each message starts
 * with a short stable tag, {@code [spec-unknown-regularizer] Spec error at column 1: ...}, and each package words
 * its messages in one package-private {@code *Messages} class ({@code SpecMessages}, {@code PlanMessages},
 * {@code RegistryMessages}, {@code TribuoMessages}, {@code TrainerMessages}, {@code CheckMessages}).
 * {@code docs/messages.md} lists every tag with its meaning; a program reads one with
 * {@link dev.rein.runtime.ReinMessage#tagOf(Throwable)}.
 *
 * <p>Depends on: {@code rein-api} and Tribuo. Never on the built-in plugins, which are found like any other.
 */
package dev.rein.runtime;
