package dev.rein.benchmarks.jmh;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.RegularizerProvider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One "application" of a penalty: its value summed over {@code size} weights and its gradient added, scaled, to a
 * gradient array, as a trainer does per step. Four ways to do it:
 *
 * <ul>
 *   <li>{@code generatedGlue}: the {@code ElementwisePenalty} the processor generated ({@code value(w, from, to)}
 *       and {@code addGradient}): a loop over the author's static function, parameters in locals;
 *   <li>{@code handWritten}: the same loops written by hand with the formula inline ({@link HandWritten});
 *   <li>{@code reflective}: {@code Method.invoke} of the author's static {@code @Penalty} and gradient per weight,
 *       as a framework without generated code would call them;
 *   <li>{@code perElementInterface}: the glue's scalar {@code value(w)} and {@code gradient(w)} through the
 *       interface, per weight, at a call site that has seen three penalty classes (as in a run with several
 *       plugins), so the JIT cannot inline one.
 * </ul>
 *
 * <p>{@code penalty} is {@code l2} (cheap arithmetic, derived gradient {@code lambda * w}),
 * {@code derived_cauchy} (a {@code log1p} per weight, derived gradient) or {@code derived_l1} (derived gradient
 * {@code lambda * Math.signum(w)}, against the branches the built-in {@code l1} writes by hand).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PenaltyApplyBenchmark {
    private static final double LAMBDA = 1e-4;
    private static final double SCALE = 1.0;
    private static final double STEP = 0.5;

    @Param({"1000", "100000", "10000000"})
    int size;

    @Param({"l2", "derived_cauchy", "derived_l1"})
    String penalty;

    private double[] w;
    private double[] g;
    private ElementwisePenalty glue;
    private Method reflectiveValue;
    private Method reflectiveGradient;
    private Object[] reflectiveExtra;
    private String kind;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        SplittableRandom random = new SplittableRandom(42);
        w = new double[size];
        g = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = random.nextDouble(-2, 2);
        }
        kind = penalty;
        boolean cauchy = penalty.equals("derived_cauchy");
        String author = switch (penalty) {
            case "l2" -> "dev.rein.plugins.L2";
            case "derived_cauchy" -> "dev.rein.benchmarks.jmh.DerivedCauchy";
            case "derived_l1" -> "dev.rein.benchmarks.jmh.DerivedL1";
            default -> throw new IllegalArgumentException("unknown penalty " + penalty);
        };
        glue = create(author + "_ReinProvider", cauchy ? Map.of("lambda", LAMBDA, "scale", SCALE)
                : Map.of("lambda", LAMBDA));
        Class<?>[] signature = cauchy ? new Class<?>[] {double.class, double.class, double.class}
                : new Class<?>[] {double.class, double.class};
        reflectiveValue = Class.forName(author).getDeclaredMethod("penalty", signature);
        reflectiveGradient = Class.forName(author + "_ReinGradient").getDeclaredMethod("gradient", signature);
        reflectiveValue.setAccessible(true);
        reflectiveGradient.setAccessible(true);
        reflectiveExtra = cauchy ? new Object[] {LAMBDA, SCALE} : new Object[] {LAMBDA};
        makeThePerElementCallSiteMegamorphic();
    }

    private static ElementwisePenalty create(String provider, Map<String, ?> arguments)
            throws ReflectiveOperationException {
        RegularizerProvider p = (RegularizerProvider) Class.forName(provider).getDeclaredConstructor().newInstance();
        return (ElementwisePenalty) p.create(Arguments.of(arguments));
    }

    private void makeThePerElementCallSiteMegamorphic() throws ReflectiveOperationException {
        ElementwisePenalty[] others = {
            create("dev.rein.plugins.L1_ReinProvider", Map.of("lambda", LAMBDA)),
            create("dev.rein.plugins.ElasticNet_ReinProvider", Map.of("lambda", LAMBDA, "l1_ratio", 0.5)),
            create("dev.rein.benchmarks.jmh.DerivedCauchy_ReinProvider", Map.of("lambda", LAMBDA, "scale", SCALE)),
            create("dev.rein.plugins.L2_ReinProvider", Map.of("lambda", LAMBDA)),
        };
        double[] small = new double[1000];
        double[] smallG = new double[1000];
        for (int round = 0; round < 2000; round++) {
            perElement(others[round % others.length], small, smallG);
        }
    }

    @Benchmark
    public double generatedGlue() {
        double value = glue.value(w, 0, w.length);
        glue.addGradient(w, 0, w.length, g, STEP);
        return value;
    }

    @Benchmark
    public double handWritten() {
        return switch (kind) {
            case "l2" -> HandWritten.l2(w, g, LAMBDA, STEP);
            case "derived_l1" -> HandWritten.l1(w, g, LAMBDA, STEP);
            default -> HandWritten.cauchy(w, g, LAMBDA, SCALE, STEP);
        };
    }

    @Benchmark
    public double reflective() throws ReflectiveOperationException {
        Object[] args = new Object[1 + reflectiveExtra.length];
        System.arraycopy(reflectiveExtra, 0, args, 1, reflectiveExtra.length);
        double value = 0;
        for (int i = 0; i < w.length; i++) {
            args[0] = w[i];
            value += (double) reflectiveValue.invoke(null, args);
        }
        for (int i = 0; i < w.length; i++) {
            args[0] = w[i];
            g[i] += STEP * (double) reflectiveGradient.invoke(null, args);
        }
        return value;
    }

    @Benchmark
    public double perElementInterface() {
        return perElement(glue, w, g);
    }

    private static double perElement(ElementwisePenalty p, double[] w, double[] g) {
        double value = 0;
        for (int i = 0; i < w.length; i++) {
            value += p.value(w[i]);
        }
        for (int i = 0; i < w.length; i++) {
            g[i] += STEP * p.gradient(w[i]);
        }
        return value;
    }
}
