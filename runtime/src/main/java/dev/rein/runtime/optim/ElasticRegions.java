package dev.rein.runtime.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which coordinates {@link ReinFtrl} penalises, and how much: {@code λ₁|w| + (λ₂/2)w²} per step, in the units of the
 * gradient the optimiser is given, over column ranges of each parameter tensor. Regions that overlap add up.
 *
 * <pre>{@code
 * // a linear model's one tensor of 10 features + bias: L1 on the features only, L2 everywhere
 * ElasticRegions r = ElasticRegions.none()
 *         .plus(0, 0, 10, 0.01, 0)       // tensor 0, columns 0..9
 *         .plus(0, 0, 11, 0, 0.001);     // tensor 0, columns 0..10
 * r.l1(0, 3);    // 0.01
 * r.l1(0, 10);   // 0 (the bias)
 * r.l2(0, 10);   // 0.001
 * }</pre>
 *
 * <p>Immutable: {@link #plus} returns a new instance.
 */
public final class ElasticRegions {
    private static final int ALL = Integer.MAX_VALUE;

    private final List<Region> regions;

    private record Region(int tensor, int first, int end, double l1, double l2) {
        boolean covers(int t, int c) {
            return (tensor == ALL || tensor == t) && c >= first && c < end;
        }
    }

    private ElasticRegions(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    /** No penalty anywhere. */
    public static ElasticRegions none() {
        return new ElasticRegions(List.of());
    }

    /** {@code l1} and {@code l2} on every coordinate of every tensor. */
    public static ElasticRegions everywhere(double l1, double l2) {
        return none().with(new Region(ALL, 0, ALL, l1, l2));
    }

    /**
     * These regions and {@code l1}, {@code l2} on columns {@code [firstColumn, firstColumn + columns)} of every row of
     * tensor {@code tensor}.
     *
     * @throws IllegalArgumentException if a coefficient is negative or not finite, or the range is empty or negative
     */
    public ElasticRegions plus(int tensor, int firstColumn, int columns, double l1, double l2) {
        if (tensor < 0 || firstColumn < 0 || columns < 1) {
            throw new IllegalArgumentException(OptimMessages.regionRange(tensor, firstColumn, columns).toString());
        }
        return with(new Region(tensor, firstColumn, firstColumn + columns, l1, l2));
    }

    /** These regions and those of {@code other}. */
    public ElasticRegions plus(ElasticRegions other) {
        List<Region> all = new ArrayList<>(regions);
        all.addAll(other.regions);
        return new ElasticRegions(all);
    }

    /** These regions with every coefficient multiplied by {@code factor}. */
    public ElasticRegions times(double factor) {
        List<Region> scaled = new ArrayList<>();
        for (Region r : regions) {
            scaled.add(new Region(r.tensor, r.first, r.end, r.l1 * factor, r.l2 * factor));
        }
        return new ElasticRegions(scaled);
    }

    private ElasticRegions with(Region region) {
        Settings.nonNegative("ElasticRegions", "l1", region.l1);
        Settings.nonNegative("ElasticRegions", "l2", region.l2);
        List<Region> all = new ArrayList<>(regions);
        all.add(region);
        return new ElasticRegions(all);
    }

    /** Whether no coordinate is penalised. */
    public boolean isEmpty() {
        return regions.stream().allMatch(r -> r.l1 == 0 && r.l2 == 0);
    }

    /** {@code λ₁} of column {@code column} of tensor {@code tensor}. */
    public double l1(int tensor, int column) {
        return columns(tensor, column + 1)[0][column];
    }

    /** {@code λ₂} of column {@code column} of tensor {@code tensor}. */
    public double l2(int tensor, int column) {
        return columns(tensor, column + 1)[1][column];
    }

    /**
     * Both coefficients of every column of a tensor with {@code columns} columns, {@code [λ₁ per column, λ₂ per
     * column]}: what a step's inner loop reads.
     */
    double[][] columns(int tensor, int columns) {
        double[][] out = new double[2][columns];
        for (Region r : regions) {
            if (r.tensor == ALL || r.tensor == tensor) {
                int end = Math.min(r.end, columns);
                for (int c = r.first; c < end; c++) {
                    out[0][c] += r.l1;
                    out[1][c] += r.l2;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ElasticRegions" + Arrays.toString(regions.toArray());
    }
}
