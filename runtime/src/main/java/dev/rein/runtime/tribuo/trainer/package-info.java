/**
 * Rein's subclasses of Tribuo's SGD trainers (linear and factorization machines, classification and regression)
 * that own the epoch loop: lazy catch-up, divergence checks, validation, early stopping and its provenance. Their
 * messages are worded in {@code TrainerMessages}, tagged {@code trainer-...}; a spec error or a refusal found while
 * building a trainer keeps its own tag and type, with the trainer's name in front.
 *
 * <p>Depends on: {@code dev.rein.api.hook}, {@code dev.rein.runtime.spec}, {@code dev.rein.runtime.registry},
 * {@code dev.rein.runtime.tribuo} ({@code RegularizedOptimiser}), Tribuo and OLCUT.
 */
package dev.rein.runtime.tribuo.trainer;
