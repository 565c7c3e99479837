/**
 * The hook interfaces a regularizer implements when it is not a plain element-wise penalty, and the plain-Java
 * values they see: {@link dev.rein.api.hook.ParameterBlock}, {@link dev.rein.api.hook.Role},
 * {@link dev.rein.api.hook.Phase}, {@link dev.rein.api.hook.NamedArray}, {@link dev.rein.api.hook.EpochScore},
 * {@link dev.rein.api.hook.EpochDecision}; and {@link dev.rein.api.hook.ElasticCoefficients}, the closed form an
 * element-wise penalty may declare.
 *
 * <p>Depends on: the JDK only. Nothing here knows Tribuo: Rein's runtime adapts Tribuo's tensors to these types.
 */
package dev.rein.api.hook;
