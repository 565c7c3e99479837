package dev.rein.samples.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.rein.samples.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/** Rein's optimiser named in an OLCUT configuration file with a spec, used by Tribuo's own trainer. */
class ConfiguredOptimiserTest {
    @Test
    void aConfigurationFileRegularizesTribuosOwnTrainer() {
        ConfigurationManager cm = new ConfigurationManager(
                "/dev/rein/samples/integration/regularized-optimiser.xml");
        @SuppressWarnings("unchecked")
        Trainer<Label> trainer = (Trainer<Label>) cm.lookup("trainer");
        DemoData data = DemoData.generate(80, 10, 20, 3, 3L);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data.train());

        DenseMatrix w = model.getWeightsCopy();   // [2 labels x (20 features + bias)]
        for (int r = 0; r < w.getDimension1Size(); r++) {
            double squared = 0;
            for (int c = 0; c < w.getDimension2Size() - 1; c++) {
                squared += w.get(r, c) * w.get(r, c);
            }
            assertTrue(Math.sqrt(squared) <= 0.5 + 1e-9, "row " + r + " norm " + Math.sqrt(squared));
        }
        Provenance optimiser = model.getProvenance().getTrainerProvenance().getConfiguredParameters().get("optimiser");
        String recorded = optimiser.toString();
        assertTrue(recorded.contains("l2(lambda=0.001, mode=coupled) + max_norm(c=0.5)"), recorded);
        assertTrue(recorded.contains("RegularizedOptimiser") && recorded.contains("AdaGrad"), recorded);
    }
}
