/**
 * Symbolic derivatives of penalties, independent of javac: a small expression tree ({@link
 * dev.rein.processor.derive.Expr}), a method body of locals and a return ({@link dev.rein.processor.derive.Body}),
 * differentiation with simplification ({@link dev.rein.processor.derive.Differentiator}), Java source for the result
 * ({@link dev.rein.processor.derive.JavaSource}) and evaluation for compile-time comparisons ({@link
 * dev.rein.processor.derive.Evaluator}).
 *
 * <p>Depends on: the JDK only, so every rule here is tested without a compiler.
 */
package dev.rein.processor.derive;
