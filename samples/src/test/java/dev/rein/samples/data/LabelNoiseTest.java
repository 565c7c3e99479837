package dev.rein.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class LabelNoiseTest {
    private static MutableDataset<Label> data(int n) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("d", factory), factory);
        for (int i = 0; i < n; i++) {
            d.add(new ArrayExample<>(new Label("L" + (i % 3)), new String[] {"x"}, new double[] {i}));
        }
        return d;
    }

    private static int changed(MutableDataset<Label> a, MutableDataset<Label> b) {
        int count = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.getExample(i).lookup("x").getValue(), b.getExample(i).lookup("x").getValue(), 0.0);
            count += a.getExample(i).getOutput().getLabel().equals(b.getExample(i).getOutput().getLabel()) ? 0 : 1;
        }
        return count;
    }

    @Test
    void exactlyTheFractionOfLabelsChangesToAnotherLabelTheSameWayForTheSameSeed() {
        MutableDataset<Label> clean = data(1000);
        MutableDataset<Label> noisy = LabelNoise.apply(clean, 0.2, 7L);
        assertEquals(200, changed(clean, noisy), "every chosen label moves to a different one");
        assertEquals(0, changed(noisy, LabelNoise.apply(clean, 0.2, 7L)));
        assertEquals(1000, noisy.size());
        assertEquals(0, changed(clean, LabelNoise.apply(clean, 0, 7L)));
    }

    @Test
    void aFractionOutsideZeroToOneIsRefusedWithTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(data(10), 1.5, 1L));
        assertEquals("--label-noise is 1.5; it must lie between 0 and 1, e.g. 0.2 to give a fifth of the training"
                + " examples a wrong label.", e.getMessage());
    }
}
