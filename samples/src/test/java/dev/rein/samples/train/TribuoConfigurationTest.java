package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.RegularizedLinearClassificationTrainer;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo pipeline configured in OLCUT XML: the configuration names Rein's trainer, a Tribuo optimiser and a
 * spec with built-in plugins (l2 and early stopping), and the trainer it yields trains exactly the model the same
 * trainer built in code does, with the spec and the early stop in the model's provenance.
 */
class TribuoConfigurationTest {
    private static final String SPEC = "l2(lambda=1e-3) + early_stopping(patience=2, metric=accuracy)";

    @Test
    void aConfigurationNamingTheTrainerAnOptimiserAndASpecTrains(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("rein.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="sgd" type="org.tribuo.math.optimisers.SimpleSGD">
                    <property name="initialLearningRate" value="0.2"/>
                    <property name="useMomentum" value="NONE"/>
                  </component>
                  <component name="trainer"
                             type="dev.rein.runtime.tribuo.trainer.RegularizedLinearClassificationTrainer">
                    <property name="objective" value="logistic"/>
                    <property name="optimiser" value="sgd"/>
                    <property name="spec" value="%s"/>
                    <property name="epochs" value="40"/>
                    <property name="minibatchSize" value="1"/>
                    <property name="seed" value="12"/>
                    <property name="validationSplit" value="0.2"/>
                  </component>
                  <component name="logistic" type="org.tribuo.classification.sgd.objectives.LogMulticlass"/>
                </config>
                """.formatted(SPEC));
        ConfigurationManager cm = new ConfigurationManager(file.toString());
        var configured = (RegularizedLinearClassificationTrainer) cm.lookup("trainer");
        String canonical = "l2(lambda=0.001) + early_stopping(patience=2, min_delta=0.0, metric=accuracy,"
                + " restore_best=true)";
        assertEquals(canonical, configured.regularization().toSpec());

        MutableDataset<Label> data = data(300, 4L);
        LinearSGDModel model = configured.train(data);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertTrue(outcome.stoppedEarly(), outcome.toString());
        assertEquals(outcome.bestEpoch().getAsInt(), outcome.modelEpoch());
        assertEquals(new StringProvenance("spec", canonical),
                model.getProvenance().getTrainerProvenance().getConfiguredParameters().get("spec"));

        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            var inCode = new RegularizedLinearClassificationTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.2),
                    Regularization.of(SPEC, registry), 40, 1, 12L, 0.2);
            assertArrayEquals(flat(inCode.train(data).getWeightsCopy()), flat(model.getWeightsCopy()), 0.0);
        }
    }

    private static double[] flat(DenseMatrix m) {
        double[] out = new double[m.getDimension1Size() * m.getDimension2Size()];
        for (int r = 0; r < m.getDimension1Size(); r++) {
            for (int c = 0; c < m.getDimension2Size(); c++) {
                out[r * m.getDimension2Size() + c] = m.get(r, c);
            }
        }
        return out;
    }

    /** Two noisy classes split by x0 + x1 = 0, so that validation accuracy levels off below 1. */
    private static MutableDataset<Label> data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("xml", factory), factory);
        for (int i = 0; i < n; i++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            boolean positive = x0 + x1 + 0.5 * random.nextGaussian() > 0;
            data.add(new ArrayExample<>(new Label(positive ? "pos" : "neg"), new String[] {"x0", "x1"},
                    new double[] {x0, x1}));
        }
        return data;
    }
}
