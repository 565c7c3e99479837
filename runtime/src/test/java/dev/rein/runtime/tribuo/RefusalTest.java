package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.maxNorm;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecException;
import dev.rein.runtime.spec.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
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

/**
 * What RegularizedOptimiser refuses, each with its tag and the names its message must give (the exact words are
 * {@code PlanMessagesTest}'s and {@code TribuoMessagesTest}'s).
 */
class RefusalTest {
    private static final String SGD_TEXT = "SGD(type=Constant,initialLearningRate=0.1)";

    @Test
    void decoupledNeedsALearningRate() {
        Regularization reg = TestTerms.of(TestTerms.mode(l2(0.1), PenaltyMode.DECOUPLED));
        assertRefused("plan-decoupled-needs-rate", new AdaDelta(), reg, "'l2'", "AdaDelta(rho=0.95,epsilon=1.0E-6)",
                "AdaDelta has no learning rate");
    }

    @Test
    void decoupledNeedsAnOptimiserReinKnows() {
        Regularization reg = TestTerms.of(TestTerms.mode(l2(0.1), PenaltyMode.DECOUPLED));
        assertRefused("plan-decoupled-needs-rate", new HiddenPegasos(), reg, "with HiddenPegasos",
                "cannot read a learning rate from RefusalTest$HiddenPegasos");
    }

    @Test
    void proximalNeedsAProximalOperator() {
        Regularization reg = TestTerms.of(TestTerms.mode(l1(0.1), PenaltyMode.PROXIMAL));
        assertRefused("plan-proximal-needs-prox", SGD.getSimpleSGD(0.1), reg, "'l1'", SGD_TEXT);
    }

    @Test
    void proximalIsRefusedUnderAdaptiveOptimisersThatKeepTheirStepSizesPrivate() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertRefused("plan-proximal-needs-sgd", new org.tribuo.math.optimisers.Adam(0.01, 1e-8), reg,
                "Adam(", "Adam gives every weight", "Rein's own AdaGrad, RMSProp or Adam");
    }

    @Test
    void proximalUnderTribuosAdaGradRunsAsReinsAdaGrad() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        RegularizedOptimiser opt = new RegularizedOptimiser(new AdaGrad(0.1), reg);
        assertEquals("l1=proximal", opt.modes());
        assertTrue(opt.toString().contains("ReinAdaGrad(initialLearningRate=0.1"), opt.toString());
    }

    @Test
    void proximalIsRefusedUnderMomentum() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertRefused("plan-proximal-needs-sgd", SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.STANDARD), reg,
                "SGD+Momentum(type=Constant,initialLearningRate=0.1,rho=0.9)", "SGD with momentum");
    }

    @Test
    void proximalIsRefusedUnderParameterAveraging() {
        Regularization reg = TestTerms.of(TestTerms.mode(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL));
        assertRefused("plan-proximal-averaged", new ParameterAveraging(SGD.getSimpleSGD(0.1)), reg,
                "ParameterAveraging(optimiser=" + SGD_TEXT + ")");
    }

    @Test
    void pegasosRefusesPenalties() {
        assertRefused("plan-pegasos-penalty", new Pegasos(0.1, 0.01), TestTerms.of(l2(0.1)),
                "Penalty 'l2' cannot wrap Pegasos(baseRate=0.1,lambda=0.01)");
    }

    @Test
    void pegasosIsFoundInsideAnotherDecorator() {
        assertRefused("plan-pegasos-penalty", new ParameterAveraging(new Pegasos(0.1, 0.01)), TestTerms.of(l1(0.1)),
                "Penalty 'l1' cannot wrap ParameterAveraging(optimiser=Pegasos(baseRate=0.1,lambda=0.01))");
    }

    @Test
    void pegasosRefusesConstraints() {
        assertRefused("plan-pegasos-constraint", new Pegasos(0.1, 0.01), TestTerms.of(maxNorm(3, Target.WEIGHTS)),
                "Constraint 'max_norm' cannot wrap Pegasos(baseRate=0.1,lambda=0.01)");
    }

    @Test
    void pegasosWithoutTermsIsLeftAlone() {
        assertDoesNotThrow(() -> new RegularizedOptimiser(new Pegasos(0.1, 0.01), Regularization.none()));
    }

    @Test
    void adaGradRdaRefusesPenalties() {
        assertRefused("plan-adagrad-rda", new AdaGradRDA(0.1, 1e-6), TestTerms.of(l1(0.1)),
                "Penalty 'l1' cannot wrap AdaGradRDA(initialLearningRate=0.1,epsilon=1.0E-6,l1=0.0,l2=0.0)");
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
        assertRefused("plan-layer-needs-network", SGD.getSimpleSGD(0.1), reg,
                "Term 'dropout' is an activation regularizer");
    }

    @Test
    void theMiniBatchSizeIsAtLeastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)), 0));
        assertEquals(Optional.of("plan-minibatch-size"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("minibatchSize is 0"), e.getMessage());
    }

    @Test
    void unknownParameterLayoutsAreRefusedAtInitialise() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.initialise(new OtherParameters()));
        assertEquals(Optional.of("tribuo-unknown-layout"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains(OtherParameters.class.getName()), e.getMessage());
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
        assertEquals(Optional.of("tribuo-tensors-replaced"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("'l2(lambda=0.1)' with HiddenPegasos")
                && e.getMessage().contains("linear model (1 outputs x 3 features + bias) is held in ShrinkingMatrix"),
                e.getMessage());
    }

    @Test
    void stepBeforeInitialiseSaysWhatToDo() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.1)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opt.step(new Tensor[] {new DenseMatrix(1, 2)}, 1.0));
        assertEquals(Optional.of("tribuo-step-before-initialise"), ReinMessage.tagOf(e));
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
        assertEquals(Optional.of("tribuo-modes-mismatch"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("modes 'l1=proximal', but spec 'none' resolves to ''"), e.getMessage());
    }

    /**
     * Wrapping {@code inner} with {@code reg} is refused with {@code tag}, still as an IllegalArgumentException, and
     * the message names each of {@code fragments}.
     */
    private static void assertRefused(String tag, StochasticGradientOptimiser inner, Regularization reg,
            String... fragments) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedOptimiser(inner, reg));
        RegularizationRefusedException e = assertInstanceOf(RegularizationRefusedException.class, thrown);
        assertEquals(tag, e.tag());
        assertEquals(Optional.of(tag), ReinMessage.tagOf(e), "the message starts with the tag");
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in " + e.getMessage());
        }
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
