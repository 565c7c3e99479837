package dev.rein.runtime.network;

import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;

/** A seeded dataset no linear model can fit: "in" inside the unit circle, "out" in the ring from 1.3 to 2. */
final class Rings {
    private Rings() {
    }

    static MutableDataset<Label> of(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("rings", factory), factory);
        for (int i = 0; i < n; i++) {
            boolean inside = i % 2 == 0;
            double radius = inside ? random.nextDouble() : 1.3 + 0.7 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            data.add(new ArrayExample<>(new Label(inside ? "in" : "out"), new String[] {"x", "y"},
                    new double[] {radius * Math.cos(angle), radius * Math.sin(angle)}));
        }
        return data;
    }

    /** The share of {@code data} that {@code model} labels correctly. */
    static double accuracy(org.tribuo.Model<Label> model, Iterable<org.tribuo.Example<Label>> data) {
        int right = 0;
        int all = 0;
        for (org.tribuo.Example<Label> e : data) {
            all++;
            if (model.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel())) {
                right++;
            }
        }
        return (double) right / all;
    }
}
