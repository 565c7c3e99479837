package dev.rein.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Author sources the processor tests compile. */
final class Sources {
    private Sources() {
    }

    /** A penalty with a gradient, a proximal, and double, int, boolean and enum parameters. */
    static final JavaFileObject SHRINK = JavaFileObjects.forSourceLines("com.example.Shrink",
            "package com.example;",
            "",
            "import dev.rein.api.*;",
            "",
            "@Regularizer(name = \"shrink\", description = \"Soft shrinkage\", aliases = {\"soft\", \"shrinkage\"})",
            "public final class Shrink {",
            "    public enum Shape { LINEAR, SQUARED }",
            "",
            "    @Penalty",
            "    static double penalty(double w,",
            "            @Param(defaultValue = \"0.5\", min = 0, description = \"Strength\") double lambda,",
            "            @Param(defaultValue = \"2\", min = 1, max = 10, exclusiveMax = true) int power,",
            "            @Param(defaultValue = \"false\") boolean halve,",
            "            @Param(name = \"curve\", defaultValue = \"linear\") Shape shape) {",
            "        double v = lambda * Math.pow(Math.abs(w), power);",
            "        if (shape == Shape.SQUARED) v = v * v;",
            "        return halve ? v / 2 : v;",
            "    }",
            "",
            "    @Gradient",
            "    static double gradient(double w, double lambda, int power, boolean halve, Shape shape) {",
            "        double g = lambda * power * Math.pow(Math.abs(w), power - 1) * Math.signum(w);",
            "        if (shape == Shape.SQUARED) g = 2 * lambda * Math.pow(Math.abs(w), power) * g;",
            "        return halve ? g / 2 : g;",
            "    }",
            "",
            "    @Proximal",
            "    static double prox(double w, double step, double lambda, int power, boolean halve, Shape shape) {",
            "        double t = step * lambda * (halve ? 0.5 : 1);",
            "        return w > t ? w - t : w < -t ? w + t : 0.0;",
            "    }",
            "}");
}
