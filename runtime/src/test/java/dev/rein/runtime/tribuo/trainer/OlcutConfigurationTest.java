package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.spec.Regularization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The trainers are OLCUT components: an XML configuration names the trainer, a Tribuo optimiser and a spec, and
 * the configured trainer trains the same model as one built in code. (Specs naming plugins are bound against the
 * class path; the samples module, which has the built-in plugins, tests those.)
 */
class OlcutConfigurationTest {
    private static final MutableDataset<Label> BLOBS = TestData.blobs(60, 2L);

    private static Path write(Path dir, String spec, String validationSplit) throws IOException {
        Path file = dir.resolve("trainer.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="adagrad" type="org.tribuo.math.optimisers.AdaGrad">
                    <property name="initialLearningRate" value="0.5"/>
                    <property name="epsilon" value="0.1"/>
                  </component>
                  <component name="logistic" type="org.tribuo.classification.sgd.objectives.LogMulticlass"/>
                  <component name="trainer"
                             type="dev.rein.runtime.tribuo.trainer.RegularizedLinearClassificationTrainer">
                    <property name="objective" value="logistic"/>
                    <property name="optimiser" value="adagrad"/>
                    <property name="spec" value="%s"/>
                    <property name="epochs" value="4"/>
                    <property name="minibatchSize" value="2"/>
                    <property name="seed" value="3"/>
                    <property name="validationSplit" value="%s"/>
                  </component>
                </config>
                """.formatted(spec, validationSplit));
        return file;
    }

    @Test
    void aConfiguredTrainerTrainsTheModelOneBuiltInCodeTrains(@TempDir Path dir) throws IOException {
        ConfigurationManager cm = new ConfigurationManager(write(dir, " none ", "0.2").toString());
        var configured = (RegularizedLinearClassificationTrainer) cm.lookup("trainer");
        assertEquals("none", configured.regularization().toSpec());
        LinearSGDModel model = configured.train(BLOBS);

        var inCode = new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1),
                Regularization.none(), 4, 2, 3L, 0.2);
        assertArrayEquals(Weights.of(inCode.train(BLOBS)), Weights.of(model), 0.0);
        // The trainer's provenance records the spec and the inner optimiser, in OLCUT's own classes.
        var trainerProvenance = model.getProvenance().getTrainerProvenance();
        assertEquals(new StringProvenance("spec", "none"), trainerProvenance.getConfiguredParameters().get("spec"));
        assertTrue(trainerProvenance.getConfiguredParameters().get("optimiser").toString().contains("AdaGrad"));
    }

    @Test
    void aBadSpecInTheConfigurationSaysWhatIsWrong(@TempDir Path dir) throws IOException {
        ConfigurationManager cm = new ConfigurationManager(write(dir, "l3(lambda=1)", "0.2").toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> cm.lookup("trainer"));
        assertTrue(messages(e).contains("[spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the"
                + " configured spec is not valid. Spec error at column 1: unknown regularizer 'l3'"), messages(e));
    }

    @Test
    void aBadValidationSplitInTheConfigurationSaysWhatIsValid(@TempDir Path dir) throws IOException {
        ConfigurationManager cm = new ConfigurationManager(write(dir, "none", "1.5").toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> cm.lookup("trainer"));
        assertTrue(messages(e).contains("[trainer-validation-split] RegularizedLinearClassificationTrainer:"
                + " validationSplit is 1.5"), messages(e));
    }

    /** The messages of {@code e} and its causes: OLCUT may wrap what postConfig throws. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append(" | ");
        }
        return out.toString();
    }
}
