package dev.rein.samples.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the JSON of a sweep's shards ({@code rein sweep --shard i/n --json > shard-i.json}) into the report of the
 * unsharded sweep, refusing shards that do not belong together.
 *
 * <pre>{@code
 * SweepReport all = ShardMerge.merge(List.of(Path.of("shard-0.json"), Path.of("shard-1.json")));
 * all.trials();   // every trial, in index order, as the unsharded sweep lists them
 * }</pre>
 *
 * <p>Each file holds a sweep's output: its last line that starts with an opening brace is read (the table above it is
 * ignored). Refused, naming the files: shards swept with another spec, data, folds, seed or settings; shards of
 * different {@code n}; a slice given twice or missing; a trial missing or given twice.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** The merged report, as if the sweep had run unsharded. */
    public static SweepReport merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new UserInputException("Nothing to merge: give the JSON files the shards wrote, e.g. rein merge"
                    + " shard-*.json.");
        }
        List<SweepReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(read(file));
        }
        SweepReport first = reports.get(0);
        Map<Integer, Path> slices = new TreeMap<>();
        Map<Integer, TrialResult> trials = new TreeMap<>();
        for (int r = 0; r < reports.size(); r++) {
            SweepReport report = reports.get(r);
            Path file = files.get(r);
            checkSameSweep(files.get(0), first, file, report);
            Path earlier = slices.put(report.shard().index(), file);
            if (earlier != null) {
                throw new UserInputException("'" + earlier + "' and '" + file + "' are both shard " + report.shard()
                        + "; give each shard's file once.");
            }
            for (TrialResult t : report.trials()) {
                if (!report.shard().includes(t.index()) || trials.put(t.index(), t) != null) {
                    throw new UserInputException("'" + file + "' holds trial " + t.index() + ", which shard "
                            + report.shard() + " does not run or another file already gave; was the file edited?");
                }
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
        Object expected = first.sweep().get("trial_count");
        if (expected instanceof Number n && n.intValue() != trials.size()) {
            throw new UserInputException("The shards hold " + trials.size() + " trials, but the sweep has " + n
                    + "; a shard's file is incomplete (did a job fail?). Run that shard again.");
        }
        return new SweepReport(first.sweep(), Shard.ALL, new ArrayList<>(trials.values()));
    }

    private static void checkSameSweep(Path firstFile, SweepReport first, Path file, SweepReport report) {
        if (report.shard().count() != first.shard().count()) {
            throw new UserInputException("'" + firstFile + "' is shard " + first.shard() + " but '" + file
                    + "' is shard " + report.shard() + ": shards of one sweep share n. Merge the files of one"
                    + " --shard i/n run.");
        }
        for (String key : union(first.sweep(), report.sweep())) {
            Object a = first.sweep().get(key);
            Object b = report.sweep().get(key);
            if (!Objects.equals(a, b)) {
                throw new UserInputException("'" + firstFile + "' and '" + file + "' are shards of different sweeps:"
                        + " their " + key + " differs (" + shorten(a) + " against " + shorten(b) + "). Merge only"
                        + " shards run with the same --spec, data, --folds, --seed and training options.");
            }
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

    private static SweepReport read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
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
                if (node.has("sweep") && node.has("shard") && node.has("trials")) {
                    return SweepReport.fromJson(node);
                }
                break;
            }
        }
        throw new UserInputException("'" + file + "' holds no sweep result: its last JSON line should be what rein"
                + " sweep --json printed ({\"sweep\": ..., \"shard\": ..., \"trials\": ...}).");
    }
}
