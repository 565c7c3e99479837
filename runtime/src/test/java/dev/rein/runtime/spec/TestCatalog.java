package dev.rein.runtime.spec;

import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.check.TestHooks;
import dev.rein.runtime.registry.PluginSource;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.nio.file.Path;
import java.util.List;

/** A fixed catalog of hand-written plugins, one or more of every kind, for the binder tests. */
final class TestCatalog {
    private TestCatalog() {
    }

    static RegularizerCatalog create() {
        return RegularizerCatalog.of(List.of(
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("l1", Kind.PENALTY)
                        .addParam(TestHooks.lambda("1e-4")).build(), a -> TestHooks.l1(a.getDouble("lambda")))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("l2", Kind.PENALTY)
                        .aliases(List.of("ridge", "weight_decay")).addParam(TestHooks.lambda("1e-4")).build(),
                        a -> TestHooks.l2WithoutProx(a.getDouble("lambda")))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("max_norm", Kind.CONSTRAINT)
                        .addParam(ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).build()).build(),
                        a -> TestHooks.maxNorm(a.getDouble("c")))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("clip", Kind.CONSTRAINT)
                        .addParam(ParamDescriptor.builder("c", ParamType.DOUBLE).defaultValue("1").min(0, true)
                                .max(Double.POSITIVE_INFINITY, false).build()).build(),
                        a -> TestHooks.maxNorm(a.getDouble("c")))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("group_lasso", Kind.BLOCK_PENALTY)
                        .addParam(TestHooks.lambda("1e-4")).build(),
                        a -> TestHooks.groupLasso(a.getDouble("lambda"), 1))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("dropout", Kind.ACTIVATION)
                        .addParam(ParamDescriptor.builder("p", ParamType.DOUBLE).defaultValue("0.5").min(0, false)
                                .max(1, true).build()).build(),
                        a -> TestHooks.dropout(a.getDouble("p"), false))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("batch_norm", Kind.NORMALIZATION)
                        .addParam(ParamDescriptor.builder("eps", ParamType.DOUBLE).defaultValue("1e-5")
                                .min(0, true).build()).build(),
                        a -> TestHooks.batchNorm(a.getDouble("eps"), List.of("gamma", "beta")))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("early_stopping", Kind.STOPPING_RULE)
                        .addParam(ParamDescriptor.builder("patience", ParamType.INT).defaultValue("5")
                                .min(1, false).build())
                        .addParam(ParamDescriptor.builder("metric", ParamType.ENUM).defaultValue("LOSS")
                                .enumeration("x.Metric", List.of("ACCURACY", "LOSS")).build())
                        .addParam(ParamDescriptor.builder("restore_best", ParamType.BOOLEAN).defaultValue("true")
                                .build())
                        .addParam(ParamDescriptor.builder("label", ParamType.STRING).defaultValue("best run")
                                .build())
                        .build(), a -> TestHooks.earlyStopping(a.getInt("patience"), 0))),
                new RegisteredRegularizer(RegularizerDescriptor.builder("exploding", Kind.CONSTRAINT).build(),
                        TestHooks.provider(RegularizerDescriptor.builder("exploding", Kind.CONSTRAINT).build(), a -> {
                            throw new IllegalStateException("no GPU found");
                        }), PluginSource.pluginJar(Path.of("plugins", "exploding.jar"))),
                builtIn(TestHooks.provider(RegularizerDescriptor.builder("odd", Kind.CONSTRAINT).build(),
                        a -> "not a constraint"))));
    }

    private static RegisteredRegularizer builtIn(RegularizerProvider provider) {
        return new RegisteredRegularizer(provider.descriptor(), provider, PluginSource.builtIn());
    }
}
