package dev.rein.samples.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the JSON of a sweep's shards ({@code rein sweep --shard i/n --json > shard-i.json}) into the report of the
 * unsharded sweep, refusing shards that do not belong together and trials that are not what their sweep ran.
 *
 * <pre>{@code
 * SweepReport all = ShardMerge.merge(List.of(Path.of("shard-0.json"), Path.of("shard-1.json")), registry);
 * all.trials();   // every trial, in index order, as the unsharded sweep lists them
 * }</pre>
 *
 * <p>Each file holds a sweep's output: its last line that starts with an opening brace is read (the table above it is
 * ignored). Refused, naming the files: shards swept with another spec, data, folds, seed or settings; shards of
 * different {@code n}; a slice given twice or missing; a trial missing or given twice. Each trial is checked against
 * the sweep it claims: its index lies within the sweep's trials and the shard's slice, its params and spec are the
 * ones the sweep's spec gives that index (planned again with {@code catalog}), its metric is the one the sweep ranks
 * by, and its numbers are numbers within their range (an accuracy from 0 to 1, a count or a time not below 0).
 */
public final class ShardMerge {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keys whose value is an accuracy, from 0 to 1, or {@code null}. */
    private static final List<String> ACCURACIES = List.of("metric_std", "train_accuracy", "test_accuracy");
    /** Keys whose value is a count, a norm or a time, not below 0, or {@code null}. */
    private static final List<String> NOT_NEGATIVE = List.of("weight_norm", "zero_weights", "total_weights",
            "train_seconds", "epochs", "best_epoch", "train_examples", "held_out_examples");

    private ShardMerge() {
    }

    /**
     * The merged report, as if the sweep had run unsharded.
     *
     * @param catalog the plugins the sweep was run with, to plan its trials again
     * @throws UserInputException naming the file (and trial) that does not belong
     */
    public static SweepReport merge(List<Path> files, RegularizerCatalog catalog) {
        if (files.isEmpty()) {
            throw new UserInputException("Nothing to merge: give the JSON files the shards wrote, e.g. rein merge"
                    + " shard-*.json.");
        }
        List<ShardFile> shards = new ArrayList<>();
        for (Path file : files) {
            shards.add(read(file));
        }
        ShardFile first = shards.get(0);
        Map<Integer, Path> slices = new TreeMap<>();
        for (ShardFile shard : shards) {
            checkSameSweep(first, shard);
            Path earlier = slices.put(shard.shard().index(), shard.file());
            if (earlier != null) {
                throw new UserInputException("'" + earlier + "' and '" + shard.file() + "' are both shard "
                        + shard.shard() + "; give each shard's file once.");
            }
        }
        int count = first.shard().count();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!slices.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("Shards " + missing + " of " + count + " are missing (given: "
                    + slices.keySet() + "); merge needs the files of all " + count + " shards.");
        }
        SweepPlan plan = plan(first, catalog);
        String metric = metric(first.sweep());
        Map<Integer, TrialResult> trials = new TreeMap<>();
        Map<Integer, Path> givenBy = new TreeMap<>();
        for (ShardFile shard : shards) {
            for (JsonNode node : shard.trials()) {
                TrialResult t = checkTrial(shard, node, plan, metric);
                Path earlier = givenBy.put(t.index(), shard.file());
                if (earlier != null) {
                    // Slices are disjoint, so only the same file can give a trial again.
                    throw new UserInputException("'" + shard.file() + "' holds trial " + t.index() + " twice; was"
                            + " the file edited?");
                }
                trials.put(t.index(), t);
            }
        }
        int expected = plan.trials().size();
        if (trials.size() != expected) {
            List<Integer> lost = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                if (!trials.containsKey(i)) {
                    lost.add(i);
                }
            }
            throw new UserInputException("The shards hold " + trials.size() + " trials, but the sweep has " + expected
                    + " (missing: trials " + lost + " of shards " + lost.stream().map(i -> i % count).distinct()
                    .toList() + "); a shard's file is incomplete (did a job fail?). Run that shard again.");
        }
        return new SweepReport(first.sweep(), Shard.ALL, new ArrayList<>(trials.values()));
    }

    /** One file: the sweep it claims, its slice and its trials as written. */
    private record ShardFile(Path file, Map<String, Object> sweep, Shard shard, List<JsonNode> trials) {
    }

    private static void checkSameSweep(ShardFile first, ShardFile other) {
        if (other.shard().count() != first.shard().count()) {
            throw new UserInputException("'" + first.file() + "' is shard " + first.shard() + " but '" + other.file()
                    + "' is shard " + other.shard() + ": shards of one sweep share n. Merge the files of one"
                    + " --shard i/n run.");
        }
        for (String key : union(first.sweep(), other.sweep())) {
            Object a = first.sweep().get(key);
            Object b = other.sweep().get(key);
            if (!Objects.equals(a, b)) {
                throw new UserInputException("'" + first.file() + "' and '" + other.file() + "' are shards of"
                        + " different sweeps: their " + key + " differs (" + shorten(a) + " against " + shorten(b)
                        + "). Merge only shards run with the same --spec, data, --folds, --seed and training options.");
            }
        }
    }

    /** Every trial of the sweep {@code shard} claims, planned again from its spec. */
    private static SweepPlan plan(ShardFile shard, RegularizerCatalog catalog) {
        Object spec = shard.sweep().get("spec");
        Object specs = shard.sweep().get("specs");
        SweepPlan plan;
        try {
            if (spec instanceof String text) {
                plan = SweepPlan.of(SweepSpec.parse(text), catalog);
            } else if (specs instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                plan = SweepPlan.ofSpecs(list.stream().map(String.class::cast).toList(), catalog);
            } else {
                throw new UserInputException("'" + shard.file() + "' does not say what was swept: its \"sweep\" has"
                        + " no \"spec\" (rein sweep) or \"specs\" (rein compare); was the file edited?");
            }
        } catch (UserInputException | IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("'" + shard.file() + "'")) {
                throw e;
            }
            throw new UserInputException("'" + shard.file() + "' is a sweep of " + shorten(spec != null ? spec : specs)
                    + ", whose trials merge cannot plan again to check them: " + e.getMessage() + " If the sweep"
                    + " loaded plugins, give merge the same --plugins.", e);
        }
        Object count = shard.sweep().get("trial_count");
        if (!(count instanceof Integer n) || n != plan.trials().size()) {
            throw new UserInputException("'" + shard.file() + "' says its sweep has " + count + " trials, but its"
                    + " spec " + shorten(spec != null ? spec : specs) + " gives " + plan.trials().size()
                    + "; was the file edited?");
        }
        return plan;
    }

    /** The metric the sweep ranks by: cross-validated with folds, on test data without; {@code null} if unsaid. */
    private static String metric(Map<String, Object> sweep) {
        if (sweep.get("folds") instanceof Integer folds) {
            return folds > 0 ? TrialRunner.CV_ACCURACY : TrialRunner.TEST_ACCURACY;
        }
        return null;
    }

    /** The trial {@code node}, checked against the sweep {@code plan} and {@code shard}'s slice. */
    private static TrialResult checkTrial(ShardFile shard, JsonNode node, SweepPlan plan, String metric) {
        Path file = shard.file();
        JsonNode indexNode = node.get("trial");
        if (!node.isObject() || indexNode == null || !indexNode.isIntegralNumber() || !indexNode.canConvertToInt()) {
            throw new UserInputException("'" + file + "' holds a trial whose index is " + (indexNode == null
                    ? "missing" : shorten(indexNode)) + ", not a whole number; was the file edited?");
        }
        int index = indexNode.intValue();
        int count = plan.trials().size();
        if (index < 0 || index >= count) {
            throw new UserInputException("'" + file + "' holds trial " + index + ", but the sweep has " + count
                    + " trials (0 to " + (count - 1) + "); was the file edited?");
        }
        if (!shard.shard().includes(index)) {
            throw new UserInputException("'" + file + "' holds trial " + index + ", which shard " + shard.shard()
                    + " does not run (it runs the trials whose index leaves remainder " + shard.shard().index()
                    + " when divided by " + shard.shard().count() + "); was the file edited?");
        }
        String where = "'" + file + "' trial " + index + ": ";
        Trial expected = plan.trials().get(index);
        JsonNode params = node.get("params");
        if (params == null || !params.isObject() || !sameParams(params, expected.params())) {
            throw new UserInputException(where + "its params are " + (params != null && params.isObject()
                    ? shorten(MAPPER.convertValue(params, LinkedHashMap.class)) : shorten(params)) + ", but the"
                    + " sweep's spec gives trial " + index + " " + expected.params() + "; was the file edited?");
        }
        JsonNode spec = node.get("spec");
        String expectedSpec = expected.regularization().toSpec();
        if (spec == null || !spec.isTextual() || !spec.asText().equals(expectedSpec)) {
            throw new UserInputException(where + "its spec is " + (spec != null && spec.isTextual() ? "'"
                    + shorten(spec.asText()) + "'" : shorten(spec)) + ", but the sweep's spec gives trial " + index
                    + " '" + expectedSpec + "'; was the file edited?");
        }
        JsonNode metricNode = node.get("metric");
        String metricName = metricNode != null && metricNode.isTextual() ? metricNode.asText() : null;
        List<String> metrics = metric != null ? List.of(metric)
                : List.of(TrialRunner.CV_ACCURACY, TrialRunner.TEST_ACCURACY);
        if (!metrics.contains(metricName)) {
            throw new UserInputException(where + "its metric is " + (metricName != null ? metricName
                    : shorten(metricNode)) + ", but the sweep ranks by " + String.join(" or ", metrics)
                    + "; was the file edited?");
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull() && !error.isTextual()) {
            throw new UserInputException(where + "its error is " + shorten(error) + ", neither text nor null; was"
                    + " the file edited?");
        }
        boolean failed = error != null && error.isTextual();
        if (failed) {
            JsonNode mean = node.get("metric_mean");
            if (mean != null && !mean.isNull()) {
                throw new UserInputException(where + "it failed (" + shorten(error.asText()) + ") yet its metric_mean"
                        + " is " + shorten(mean) + "; was the file edited?");
            }
        } else {
            checkNumber(where, node, "metric_mean", true, 1, "an accuracy");
            checkNumber(where, node, "non_zeros", true, Double.POSITIVE_INFINITY, "a count");
        }
        checkNumber(where, node, "seconds", true, Double.POSITIVE_INFINITY, "a time");
        for (String key : ACCURACIES) {
            checkNumber(where, node, key, false, 1, key.equals("metric_std") ? "the spread of accuracies"
                    : "an accuracy");
        }
        for (String key : NOT_NEGATIVE) {
            checkNumber(where, node, key, false, Double.POSITIVE_INFINITY, "a count, norm or time");
        }
        JsonNode penalty = node.get("penalty");
        if (penalty != null && !penalty.isNull() && !penalty.isNumber()) {
            throw new UserInputException(where + "penalty is " + shorten(penalty) + ", not a number; was the file"
                    + " edited?");
        }
        return TrialResult.fromJson(node);
    }

    private static boolean sameParams(JsonNode actual, Map<String, Double> expected) {
        List<String> keys = new ArrayList<>();
        actual.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(new ArrayList<>(expected.keySet()))) {
            return false;
        }
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            JsonNode v = actual.get(e.getKey());
            double want = e.getValue();
            double tolerance = 1e-12 * Math.max(Math.abs(want), Double.MIN_NORMAL);
            if (!v.isNumber() || Math.abs(v.doubleValue() - want) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses {@code key} unless it is a number from 0 to {@code max}; {@code null} or absent passes unless
     * {@code required}.
     */
    private static void checkNumber(String where, JsonNode node, String key, boolean required, double max,
            String what) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new UserInputException(where + key + " is " + (v == null ? "missing" : "null") + ", but it"
                        + " should be a number (" + what + "); was the file edited?");
            }
            return;
        }
        if (!v.isNumber()) {
            throw new UserInputException(where + key + " is " + shorten(v) + ", not a number (" + what + "); was"
                    + " the file edited?");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < 0 || d > max) {
            throw new UserInputException(where + key + " is " + v + ", outside " + (max == 1 ? "0 to 1"
                    : "0 and above") + " (" + what + "); was the file edited?");
        }
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    @SuppressWarnings("unchecked")
    private static ShardFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("Shard file '" + file + "' does not exist: give the files that rein sweep"
                    + " --shard i/n --json wrote.", e);
        } catch (IOException e) {
            throw new UserInputException("Cannot read shard file '" + file + "': " + e.getMessage() + ".", e);
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("{")) {
                JsonNode node;
                try {
                    node = Json.read(lines.get(i));
                } catch (UserInputException e) {
                    throw new UserInputException("'" + file + "' line " + (i + 1) + ": " + e.getMessage(), e);
                }
                if (node.path("sweep").isObject() && node.path("shard").isObject() && node.path("trials").isArray()) {
                    List<JsonNode> trials = new ArrayList<>();
                    node.get("trials").forEach(trials::add);
                    return new ShardFile(file, MAPPER.convertValue(node.get("sweep"), LinkedHashMap.class),
                            shard(file, node.get("shard")), trials);
                }
                break;
            }
        }
        throw new UserInputException("'" + file + "' holds no sweep result: its last JSON line should be what rein"
                + " sweep --json printed ({\"sweep\": ..., \"shard\": ..., \"trials\": ...}).");
    }

    private static Shard shard(Path file, JsonNode node) {
        JsonNode index = node.get("index");
        JsonNode count = node.get("count");
        if (index != null && count != null && index.isIntegralNumber() && count.isIntegralNumber()
                && index.canConvertToInt() && count.canConvertToInt() && count.intValue() >= 1
                && index.intValue() >= 0 && index.intValue() < count.intValue()) {
            return new Shard(index.intValue(), count.intValue());
        }
        throw new UserInputException("'" + file + "' says it is shard " + shorten(node) + ", which no --shard i/n"
                + " run writes (i from 0 to n-1); was the file edited?");
    }
}
