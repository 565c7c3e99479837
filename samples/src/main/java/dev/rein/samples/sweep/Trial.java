package dev.rein.samples.sweep;

import dev.rein.runtime.spec.Regularization;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep, checked and bound, ready to train.
 *
 * <pre>{@code
 * Trial t = plan.trials().get(2);
 * t.index();    // 2: its place in the unsharded sweep, the same on every shard
 * t.spec();     // "l1(lambda=0.01)"
 * t.params();   // {l1.lambda=0.01}
 * }</pre>
 *
 * @param index          the trial's number in the whole sweep, from 0
 * @param spec           the plain spec this trial trains with
 * @param params         the swept values by axis label, in axis order
 * @param regularization {@code spec} bound to the plugins
 */
public record Trial(int index, String spec, Map<String, Double> params, Regularization regularization) {
    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
