package dev.rein.runtime.network;

import java.util.Locale;

/**
 * The activation function of the hidden layers, with the initialization that suits it: He (normal,
 * {@code σ = √(2/inputs)}) for ReLU, Glorot (uniform, {@code ±√(6/(inputs + units))}) for tanh and the sigmoid and
 * for the output layer.
 *
 * <pre>{@code
 * Activation.parse("relu");          // RELU
 * Activation.TANH.apply(z, a, n);    // a[i] = tanh(z[i])
 * }</pre>
 */
public enum Activation {
    /** {@code max(0, z)}. */
    RELU,
    /** {@code tanh(z)}. */
    TANH,
    /** {@code 1 / (1 + e^(-z))}. */
    SIGMOID;

    /**
     * The activation called {@code name}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the valid ones (tagged {@code network-activation})
     */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(NetworkMessages.activation(name).toString());
    }

    /** {@code out[i] = f(in[i])} for {@code i < n}. */
    void apply(double[] in, double[] out, int n) {
        switch (this) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    out[i] = Math.max(in[i], 0.0);   // branch-free; NaN stays NaN
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    out[i] = Math.tanh(in[i]);
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    out[i] = 1.0 / (1.0 + Math.exp(-in[i]));
                }
        }
    }

    /** {@code gradIn[i] = gradOut[i]·f'(z_i)}, the derivative written in terms of the output {@code out = f(z)}. */
    void backward(double[] out, double[] gradOut, double[] gradIn, int n) {
        switch (this) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    gradIn[i] = gradOut[i] * Math.signum(out[i]);   // out >= 0: its sign is ReLU's slope, branch-free
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    gradIn[i] = gradOut[i] * (1 - out[i] * out[i]);
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    gradIn[i] = gradOut[i] * out[i] * (1 - out[i]);
                }
        }
    }

    /** Whether hidden layers with this activation start from He's initialization (else Glorot's). */
    boolean usesHeInitialization() {
        return this == RELU;
    }

    /** The name as a spec or the command line writes it: {@code "relu"}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
