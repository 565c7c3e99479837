package dev.rein.samples.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's results as {@code --json} prints them on its last line, and as {@code rein merge} reads them back:
 * {@code {"sweep": {...}, "shard": {"index": 0, "count": 1}, "trials": [...], "best": {...}}}. {@code sweep} says
 * what was swept (the spec, every trial's spec, the data's SHA-256, folds, seed and settings), so that shards of
 * different sweeps are never merged.
 *
 * <pre>{@code
 * SweepReport report = new SweepReport(identity, Shard.ALL, results);
 * report.best();                   // the trial Sweep.best picks
 * Json.object(report.toJson());    // {"sweep":{...},"shard":{"index":0,"count":1},"trials":[...],"best":{...}}
 * }</pre>
 *
 * @param sweep  what was swept, compared key by key at merge time
 * @param shard  which slice these trials are
 * @param trials the trials' results, in index order
 */
public record SweepReport(Map<String, Object> sweep, Shard shard, List<TrialResult> trials) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SweepReport {
        sweep = Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
        trials = trials.stream().sorted(Comparator.comparingInt(TrialResult::index)).toList();
    }

    /** The best trial of these ({@link Sweep#best}). */
    public Optional<TrialResult> best() {
        return Sweep.best(trials);
    }

    /** The object {@code --json} prints. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep", sweep);
        Map<String, Object> slice = new LinkedHashMap<>();
        slice.put("index", shard.index());
        slice.put("count", shard.count());
        out.put("shard", slice);
        List<Object> list = new ArrayList<>();
        trials.forEach(t -> list.add(t.toJson()));
        out.put("trials", list);
        out.put("best", best().map(TrialResult::toJson).orElse(null));
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    @SuppressWarnings("unchecked")
    public static SweepReport fromJson(JsonNode node) {
        Map<String, Object> sweep = MAPPER.convertValue(node.get("sweep"), LinkedHashMap.class);
        Shard shard = new Shard(node.path("shard").path("index").asInt(), node.path("shard").path("count").asInt());
        List<TrialResult> trials = new ArrayList<>();
        node.path("trials").forEach(t -> trials.add(TrialResult.fromJson(t)));
        return new SweepReport(sweep, shard, trials);
    }
}
