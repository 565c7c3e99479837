package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.network.protos.FeedForwardModelProto;
import dev.rein.runtime.network.protos.NetworkProto;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.TestPluginJars;
import dev.rein.runtime.spec.Regularization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * {@link FeedForwardModel} in Tribuo's protobuf format: saved, loaded through Tribuo's {@code Model.deserialize},
 * predicting bit for bit the same, with a layer plugin from a jar built here.
 */
class FeedForwardModelProtoTest {
    private static final MutableDataset<Label> TRAIN = Rings.of(300, 1L);
    private static final MutableDataset<Label> TEST = Rings.of(100, 2L);

    /** A normalization plugin as an outside author writes one: centres each unit, plus a learned shift. */
    private static final String CENTRE = """
            package com.example.layers;
            import dev.rein.api.hook.*;
            import dev.rein.api.spi.*;
            import java.util.List;
            public final class Centre implements RegularizerProvider {
              public Centre() { }
              @Override public RegularizerDescriptor descriptor() {
                return RegularizerDescriptor.builder("centre", Kind.NORMALIZATION)
                    .description("Subtracts each unit's mean (running mean in prediction), adds a learned shift")
                    .addParam(ParamDescriptor.builder("momentum", ParamType.DOUBLE).defaultValue("0.9")
                        .min(0, false).build())
                    .implementation("com.example.layers.Centre").build();
              }
              @Override public Object create(Arguments args) {
                final double momentum = args.getDouble("momentum");
                return new Normalization() {
                  double[] shift, shiftGradient, runningMean, mean;
                  public void initialise(int width) {
                    shift = new double[width]; shiftGradient = new double[width];
                    runningMean = new double[width]; mean = new double[width];
                  }
                  public List<NamedArray> learnedParameters() {
                    return List.of(new NamedArray("shift", Role.NORMALIZATION_SHIFT, shift)); }
                  public List<NamedArray> learnedGradients() {
                    return List.of(new NamedArray("shift", Role.NORMALIZATION_SHIFT, shiftGradient)); }
                  public List<NamedArray> state() {
                    return List.of(new NamedArray("running_mean", null, runningMean)); }
                  public void forward(double[] in, double[] out, int batch, int width, Phase phase) {
                    if (phase == Phase.TRAIN) {
                      java.util.Arrays.fill(mean, 0);
                      for (int r = 0; r < batch; r++) for (int u = 0; u < width; u++) mean[u] += in[r * width + u];
                      for (int u = 0; u < width; u++) {
                        mean[u] /= batch;
                        runningMean[u] = momentum * runningMean[u] + (1 - momentum) * mean[u];
                      }
                    }
                    double[] m = phase == Phase.TRAIN ? mean : runningMean;
                    for (int r = 0; r < batch; r++) for (int u = 0; u < width; u++)
                      out[r * width + u] = in[r * width + u] - m[u] + shift[u];
                  }
                  public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
                    java.util.Arrays.fill(shiftGradient, 0);
                    for (int r = 0; r < batch; r++) for (int u = 0; u < width; u++)
                      shiftGradient[u] += gradOut[r * width + u];
                    for (int r = 0; r < batch; r++) for (int u = 0; u < width; u++)
                      gradIn[r * width + u] = gradOut[r * width + u] - shiftGradient[u] / batch;
                  }
                };
              }
            }
            """;

    @TempDir
    Path dir;

    private static FeedForwardModel train(Regularization reg) {
        return new FeedForwardTrainer(new int[] {8, 4}, Activation.TANH, new ReinAdam(0.02), reg, 15, 32, 3L)
                .train(TRAIN);
    }

    private static void assertSamePredictions(FeedForwardModel expected, FeedForwardModel actual) {
        for (Example<Label> e : TEST) {
            Map<String, Label> a = expected.predict(e).getOutputScores();
            Map<String, Label> b = actual.predict(e).getOutputScores();
            assertEquals(a.keySet(), b.keySet());
            for (String label : a.keySet()) {
                // Bit for bit: the arrays go through the protobuf as IEEE doubles.
                assertEquals(Double.doubleToRawLongBits(a.get(label).getScore()),
                        Double.doubleToRawLongBits(b.get(label).getScore()), label);
            }
            assertEquals(expected.predict(e).getOutput().getLabel(), actual.predict(e).getOutput().getLabel());
        }
    }

    @Test
    void savesToAFileAndLoadsThroughTribuoPredictingBitForBitTheSame() throws Exception {
        FeedForwardModel model = train(Regularization.none());
        Path file = dir.resolve("net.tribuo");
        model.serializeToFile(file);

        Model<?> loaded = Model.deserializeFromFile(file);
        FeedForwardModel network = assertInstanceOf(FeedForwardModel.class, loaded);
        assertSamePredictions(model, network);
        assertEquals(model.getProvenance(), network.getProvenance());
        assertEquals(model.getName(), network.getName());
        assertEquals("2-8-4-2", network.shape());
        assertEquals(model.getFeatureIDMap().size(), network.getFeatureIDMap().size());
        assertEquals(model.getOutputIDInfo().getDomain(), network.getOutputIDInfo().getDomain());
        NetworkState a = model.state();
        NetworkState b = network.state();
        for (int layer = 0; layer < 3; layer++) {
            for (int r = 0; r < a.weights()[layer].length; r++) {
                assertArrayEquals(a.weights()[layer][r], b.weights()[layer][r], 0.0);
            }
            assertArrayEquals(a.biases()[layer], b.biases()[layer], 0.0);
        }
        // Written twice, the same bytes: nothing in the format depends on the run.
        assertArrayEquals(model.serialize().toByteArray(), network.serialize().toByteArray());
    }

    @Test
    void theModelProtoNamesTheClassAndPacksTheNetwork() throws Exception {
        ModelProto proto = train(Regularization.none()).serialize();
        assertEquals(FeedForwardModel.class.getName(), proto.getClassName());
        assertEquals(FeedForwardModel.CURRENT_VERSION, proto.getVersion());
        NetworkProto network = proto.getSerializedData().unpack(FeedForwardModelProto.class).getNetwork();
        assertEquals(2, network.getInputs());
        assertEquals(List.of(8, 4), network.getHiddenList());
        assertEquals(2, network.getOutputs());
        assertEquals("TANH", network.getActivation());
        assertEquals(3, network.getDenseCount());
        assertEquals(8 * 2, network.getDense(0).getWeightsCount());
        assertEquals(2 * 4, network.getDense(2).getWeightsCount());
        assertEquals(2, network.getDense(2).getBiasCount());
    }

    @Test
    void aLayerFromAPluginJarIsSavedByNameArgumentsAndArraysAndLoadsWhenItsFolderIsGiven() throws Exception {
        Path plugins = dir.resolve("plugins");
        TestPluginJars.jar(plugins.resolve("centre-layer-1.0.jar"))
                .source("com.example.layers.Centre", CENTRE)
                .services("com.example.layers.Centre")
                .build();
        Path file = dir.resolve("net.tribuo");
        FeedForwardModel model;
        try (PluginRegistry registry = PluginRegistry.standard(List.of(plugins))) {
            model = train(Regularization.of("centre(momentum=0.8, after=1)", registry));
            model.serializeToFile(file);
            ModelProto proto = model.serialize();
            var layer = proto.getSerializedData().unpack(FeedForwardModelProto.class).getNetwork().getPlugins(0);
            assertEquals("centre", layer.getName());
            assertEquals("momentum", layer.getArguments(0).getKey());
            assertEquals("0.8", layer.getArguments(0).getValue());
            assertEquals(1, layer.getAfterHiddenLayer());
            assertEquals("centre-layer-1.0.jar", layer.getOrigin());
            assertEquals(List.of("shift", "running_mean"), layer.getArraysList().stream().map(a -> a.getName())
                    .toList());
            assertEquals(8, layer.getArrays(1).getValuesCount());
            assertTrue(layer.getArrays(1).getValues(0) != 0.0, "the running mean was trained");
            // Predicting with the jar's layer while the registry is open.
            model.predict(TEST.getExample(0));
        }

        FeedForwardModel without = (FeedForwardModel) Model.deserializeFromFile(file);
        assertEquals(List.of("centre(momentum=0.8, after=1) after hidden layer 1"), without.layers());
        var e = assertThrows(IllegalArgumentException.class, () -> without.predict(TEST.getExample(0)));
        assertEquals("network-saved-layer", ReinMessage.tagOf(e).orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains("needs the plugin 'centre', which came from the plugin jar"
                + " 'centre-layer-1.0.jar'"), e.getMessage());
        assertTrue(e.getMessage().contains("--plugins DIR"), e.getMessage());

        try (PluginRegistry registry = PluginRegistry.standard(List.of(plugins))) {
            FeedForwardModel loaded = (FeedForwardModel) Model.deserializeFromFile(file);
            loaded.bindLayers(registry);
            assertSamePredictions(model, loaded);
            assertEquals(model.getProvenance(), loaded.getProvenance());
        }
    }

    @Test
    void aDamagedNetworkIsRefusedWithWhatIsWrong() throws Exception {
        ModelProto good = train(Regularization.none()).serialize();
        FeedForwardModelProto data = good.getSerializedData().unpack(FeedForwardModelProto.class);
        NetworkProto.Builder network = data.getNetwork().toBuilder();
        var second = network.getDense(1);
        network.setDense(1, second.toBuilder().clearWeights().addAllWeights(second.getWeightsList().subList(2, 32)));
        ModelProto damaged = good.toBuilder().setSerializedData(Any.pack(data.toBuilder().setNetwork(network)
                .build())).build();
        var e = assertThrows(IllegalStateException.class, () -> Model.deserialize(damaged));
        // Tribuo wraps what the factory throws.
        assertEquals("network-invalid-proto", ReinMessage.tagOf(e.getCause().getCause()).orElseThrow());
        assertTrue(e.getCause().getCause().getMessage().contains("dense layer 2 holds 30 weights and 4 biases for"
                + " 4 × 8"), e.getCause().getCause().getMessage());

        ModelProto newer = good.toBuilder().setVersion(FeedForwardModel.CURRENT_VERSION + 1).build();
        var v = assertThrows(IllegalStateException.class, () -> Model.deserialize(newer));
        assertTrue(v.getCause().getCause().getMessage().contains("its version is 1"), v.getCause().getCause()
                .getMessage());
    }
}
