package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.maxNorm;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecException;
import dev.rein.runtime.spec.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.math.protos.ParametersProto;

/** What RegularizedOptimiser refuses, each with its exact message. */
class RefusalTest {
    private static final String SGD_TEXT = "SGD(type=Constant,initialLearningRate=0.1)";

    @Test
    void decoupledNeedsALearningRate() {
        Regularization reg = TestTerms.of(TestTerms.mode(l2(0.1), PenaltyMode.DECOUPLED));
        assertMessage("Penalty 'l2' asks for mode=decoupled with AdaDelta(rho=0.95,epsilon=1.0E-6), but AdaDelta"
                + " has no learning rate to scale a decoupled decay by: use mode=coupled", new AdaDelta(), reg);
    }

    @Test
    void decoupledNeedsAnOptimiserReinKnows() {
        Regularization reg = TestTerms.of(TestTerms.mode(l2(0.1), PenaltyMode.DECOUPLED));
        assertMessage("Penalty 'l2' asks for mode=decoupled with HiddenPegasos, but Rein cannot read a learning"
                + " rate from RefusalTest$HiddenPegasos (it knows Tribuo's SGD, AdaGrad, RMSProp and Adam) to scale"
                + " a decoupled decay by: use mode=coupled", new HiddenPegasos(), reg);
    }

    @Test
    void proximalNeedsAProximalOperator() {
        Regularization reg = TestTerms.of(TestTerms.mode(l1(0.1), PenaltyMode.PROXIMAL));
        assertMessage("Penalty 'l1' asks for mode=proximal with " + SGD_TEXT + ", but its plugin has no proximal"
                + " operator: use mode=coupled or mode=decoupled, or give the plugin a @Proximal method",
                SGD.getSimpleSGD(0.1), reg);
    }

    @Test
    void proximalIsRefusedUnderAdaptiveOptimisers() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertMessage("Penalty 'l1' asks for mode=proximal with AdaGrad(initialLearningRate=0.1,epsilon=1.0E-6,"
                + "initialValue=0.0), but AdaGrad gives every weight its own step size from private state, which a"
                + " proximal step would need: use SGD without momentum for exact zeros, or mode=decoupled or"
                + " mode=coupled", new AdaGrad(0.1), reg);
    }

    @Test
    void proximalIsRefusedUnderMomentum() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertMessage("Penalty 'l1' asks for mode=proximal with SGD+Momentum(type=Constant,initialLearningRate=0.1,"
                + "rho=0.9), but SGD with momentum steps along a running sum of past gradients, so no single step"
                + " size makes a proximal step consistent with the objective: use SGD without momentum for exact"
                + " zeros, or mode=decoupled or mode=coupled",
                SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.STANDARD), reg);
    }

    @Test
    void proximalIsRefusedUnderParameterAveraging() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertMessage("Penalty 'l1' asks for mode=proximal with ParameterAveraging(optimiser=" + SGD_TEXT + "), but"
                + " ParameterAveraging's final average of the iterates would undo the exact zeros of proximal"
                + " steps: drop ParameterAveraging, or use mode=coupled or mode=decoupled",
                new ParameterAveraging(SGD.getSimpleSGD(0.1)), reg);
    }

    @Test
    void pegasosRefusesPenalties() {
        assertMessage("Penalty 'l2' cannot wrap Pegasos(baseRate=0.1,lambda=0.01): Pegasos already applies L2"
                + " through its lambda. Use Pegasos's lambda alone, or wrap another optimiser"
                + " (e.g. SGD.getLinearDecaySGD) with 'l2'", new Pegasos(0.1, 0.01), TestTerms.of(l2(0.1)));
    }

    @Test
    void pegasosIsFoundInsideAnotherDecorator() {
        assertMessage("Penalty 'l1' cannot wrap ParameterAveraging(optimiser=Pegasos(baseRate=0.1,lambda=0.01)):"
                        + " Pegasos already applies L2 through its lambda. Use Pegasos's lambda alone, or wrap"
                        + " another optimiser (e.g. SGD.getLinearDecaySGD) with 'l1'",
                new ParameterAveraging(new Pegasos(0.1, 0.01)), TestTerms.of(l1(0.1)));
    }

    @Test
    void pegasosRefusesConstraints() {
        assertMessage("Constraint 'max_norm' cannot wrap Pegasos(baseRate=0.1,lambda=0.01): Pegasos keeps the"
                + " weights in its own shrinking matrix, which a projection cannot reach. Wrap another optimiser"
                + " (e.g. SGD or AdaGrad) instead", new Pegasos(0.1, 0.01), TestTerms.of(maxNorm(3, Target.WEIGHTS)));
    }

    @Test
    void pegasosWithoutTermsIsLeftAlone() {
        assertDoesNotThrow(() -> new RegularizedOptimiser(new Pegasos(0.1, 0.01), Regularization.none()));
    }

    @Test
    void adaGradRdaRefusesPenalties() {
        assertMessage("Penalty 'l1' cannot wrap AdaGradRDA(initialLearningRate=0.1,epsilon=1.0E-6,l1=0.0,l2=0.0):"
                + " AdaGradRDA keeps the weights in its own dual-averaging matrix and applies its own l1 and l2."
                + " Use AdaGradRDA's l1/l2 options, or wrap another optimiser (e.g. AdaGrad) with 'l1'",
                new AdaGradRDA(0.1, 1e-6), TestTerms.of(l1(0.1)));
    }

    @Test
    void activationPluginsNeedANetwork() {
        ActivationRegularizer dropout = new ActivationRegularizer() {
            public void forward(double[] in, double[] out, int batch, int width, Phase phase,
                    RandomGenerator random) {
            }

            public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
            }
        };
        Regularization reg = TestTerms.of(TestTerms.term("dropout", Kind.ACTIVATION, dropout, Map.of("p", 0.5),
                Target.WEIGHTS, PenaltyMode.AUTO));
        assertMessage("Term 'dropout' is an activation regularizer, which needs a network with layers; Tribuo's"
                + " linear and factorization-machine trainers have none: use Rein's network trainer, or remove"
                + " 'dropout' from the spec", SGD.getSimpleSGD(0.1), reg);
    }

    @Test
    void theMiniBatchSizeIsAtLeastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)), 0));
        assertEquals("minibatchSize is 0; it must be the trainer's mini-batch size, at least 1", e.getMessage());
    }

    @Test
    void unknownParameterLayoutsAreRefusedAtInitialise() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.initialise(new OtherParameters()));
        assertEquals("Rein does not know the parameter layout of " + OtherParameters.class.getName() + ": it knows"
                + " LinearParameters (Tribuo's linear SGD trainers) and FMParameters (factorization machines);"
                + " train with one of those, or without penalties and constraints", e.getMessage());
    }

    @Test
    void unknownLayoutsAreFineWithoutTerms() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), Regularization.none());
        assertDoesNotThrow(() -> opt.initialise(new OtherParameters()));
    }

    @Test
    void anOptimiserThatSwapsTheTensorsIsCaughtAtInitialise() {
        RegularizedOptimiser opt = new RegularizedOptimiser(new HiddenPegasos(), TestTerms.of(l2(0.1)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opt.initialise(new LinearParameters(new DenseMatrix(1, 4))));
        assertEquals("RegularizedOptimiser cannot apply 'l2(lambda=0.1)' with HiddenPegasos: after its initialise"
                + " the linear model (1 outputs x 3 features + bias) is held in ShrinkingMatrix, whose update does"
                + " more than add; wrap an optimiser that keeps plain DenseMatrix parameters (SGD, AdaGrad,"
                + " RMSProp, Adam, AdaDelta)", e.getMessage());
    }

    @Test
    void stepBeforeInitialiseSaysWhatToDo() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opt.step(new Tensor[] {new DenseMatrix(1, 2)}, 1.0));
        assertEquals("RegularizedOptimiser.step was called before initialise(Parameters); a Tribuo trainer calls"
                + " initialise first", e.getMessage());
    }

    @Test
    void aConfiguredSpecIsResolvedAgainstThePluginsThisJvmSees() throws Exception {
        Constructor<RegularizedOptimiser> olcut = RegularizedOptimiser.class.getDeclaredConstructor();
        olcut.setAccessible(true);
        RegularizedOptimiser opt = olcut.newInstance();
        Field optimiser = RegularizedOptimiser.class.getDeclaredField("optimiser");
        optimiser.setAccessible(true);
        optimiser.set(opt, SGD.getSimpleSGD(0.1));
        Field spec = RegularizedOptimiser.class.getDeclaredField("spec");
        spec.setAccessible(true);
        spec.set(opt, "l2(lambda=0.1)");
        // rein-runtime's own tests have no plugins registered, so the name is unknown here.
        SpecException e = assertThrows(SpecException.class, opt::postConfig);
        assertEquals("spec-unknown-regularizer", e.tag());
        assertEquals(1, e.column());
        assertTrue(e.problem().contains("'l2'"), e.problem());
    }

    @Test
    void aConfiguredModesValueMustMatchWhatReinResolves() throws Exception {
        Constructor<RegularizedOptimiser> olcut = RegularizedOptimiser.class.getDeclaredConstructor();
        olcut.setAccessible(true);
        RegularizedOptimiser opt = olcut.newInstance();
        Field optimiser = RegularizedOptimiser.class.getDeclaredField("optimiser");
        optimiser.setAccessible(true);
        optimiser.set(opt, SGD.getSimpleSGD(0.1));
        Field modes = RegularizedOptimiser.class.getDeclaredField("modes");
        modes.setAccessible(true);
        modes.set(opt, "l1=proximal");
        IllegalStateException e = assertThrows(IllegalStateException.class, opt::postConfig);
        assertEquals("RegularizedOptimiser was configured with modes 'l1=proximal', but spec 'none' resolves to '';"
                + " modes is written by Rein: leave it out of the configuration and set each penalty's mode in the"
                + " spec",
                e.getMessage());
    }

    private static void assertMessage(String expected, StochasticGradientOptimiser inner, Regularization reg) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedOptimiser(inner, reg));
        assertEquals(expected, e.getMessage());
    }

    /** Parameters of a model Rein does not know. */
    private static final class OtherParameters implements Parameters {
        private Tensor[] tensors = {new DenseMatrix(2, 2)};

        public Tensor[] getEmptyCopy() {
            return new Tensor[] {new DenseMatrix(2, 2)};
        }

        public Tensor[] get() {
            return tensors;
        }

        public void set(Tensor[] newTensors) {
            tensors = newTensors;
        }

        public void update(Tensor[] gradients) {
            tensors[0].intersectAndAddInPlace(gradients[0]);
        }

        public Tensor[] merge(Tensor[][] gradients, int size) {
            return gradients[0];
        }

        public ParametersProto serialize() {
            throw new UnsupportedOperationException();
        }
    }

    /** Pegasos behind a decorator whose provenance hides it: only the tensor check can notice. */
    private static final class HiddenPegasos implements StochasticGradientOptimiser {
        private final Pegasos pegasos = new Pegasos(0.1, 0.01);

        public void initialise(Parameters parameters) {
            pegasos.initialise(parameters);
        }

        public Tensor[] step(Tensor[] updates, double weight) {
            return pegasos.step(updates, weight);
        }

        public void reset() {
            pegasos.reset();
        }

        public StochasticGradientOptimiser copy() {
            return new HiddenPegasos();
        }

        public ConfiguredObjectProvenance getProvenance() {
            return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
        }

        @Override
        public String toString() {
            return "HiddenPegasos";
        }
    }
}
