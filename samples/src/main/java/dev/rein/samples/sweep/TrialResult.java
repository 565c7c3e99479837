package dev.rein.samples.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one trial of a sweep measured. {@link #toJson()} holds every key of {@code rein train --json} (averaged over
 * the folds under cross-validation) and the sweep's own keys; {@link #fromJson} reads it back for {@code rein merge}.
 *
 * <pre>{@code
 * r.metric();      // "cv_accuracy" (with --folds) or "test_accuracy"
 * r.mean();        // the metric, averaged over the folds
 * r.spread();      // its standard deviation over the folds; NaN for one run
 * r.nonZeros();    // weights not exactly zero (biases excluded), averaged over the folds
 * r.toJson();      // {"trial":0,"params":{"l1.lambda":1.0E-6},"metric":"cv_accuracy",...,"spec":...}
 * }</pre>
 *
 * @param index      the trial's number in the whole sweep
 * @param params     the swept values by axis label
 * @param metric     the name of the metric trials are ranked by
 * @param mean       the metric (mean over folds); NaN when the trial failed
 * @param spread     the metric's standard deviation over folds; NaN without folds
 * @param nonZeros   non-zero weights (mean over folds)
 * @param weightNorm the L2 norm of the weights (mean over folds)
 * @param seconds    wall-clock time of the trial, all folds
 * @param error      why the trial failed (e.g. training diverged), or {@code null}
 * @param train      the keys {@code rein train --json} prints, in its order
 */
public record TrialResult(int index, Map<String, Double> params, String metric, double mean, double spread,
        double nonZeros, double weightNorm, double seconds, String error, Map<String, Object> train) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TrialResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        train = Collections.unmodifiableMap(new LinkedHashMap<>(train));
    }

    /** Whether the trial trained and was measured. */
    public boolean succeeded() {
        return error == null;
    }

    /** The spec the trial trained with, as {@code rein train} prints it. */
    public String spec() {
        return String.valueOf(train.get("spec"));
    }

    /** The sweep's keys first ({@code trial}, {@code params}, {@code metric}, ...), then {@code train}'s. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trial", index);
        out.put("params", params);
        out.put("metric", metric);
        out.put("metric_mean", mean);
        out.put("metric_std", spread);
        out.put("non_zeros", nonZeros);
        out.put("seconds", seconds);
        out.put("error", error);
        out.putAll(train);
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    @SuppressWarnings("unchecked")
    public static TrialResult fromJson(JsonNode node) {
        Map<String, Object> all = MAPPER.convertValue(node, LinkedHashMap.class);
        Map<String, Double> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
        Map<String, Object> train = new LinkedHashMap<>(all);
        for (String key : new String[] {"trial", "params", "metric", "metric_mean", "metric_std", "non_zeros",
                "seconds", "error"}) {
            train.remove(key);
        }
        return new TrialResult(node.path("trial").asInt(), params, node.path("metric").asText(),
                number(node.get("metric_mean")), number(node.get("metric_std")), number(node.get("non_zeros")),
                number(node.get("weight_norm")), number(node.get("seconds")),
                node.path("error").isTextual() ? node.get("error").asText() : null, train);
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
