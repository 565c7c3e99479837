package dev.rein.runtime.tribuo.trainer;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.common.sgd.AbstractSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;

/** Every parameter of an SGD model in one array, tensor by tensor, row by row, for exact comparisons. */
final class Weights {
    private Weights() {
    }

    static double[] of(AbstractSGDModel<?> model) {
        List<Double> out = new ArrayList<>();
        for (Tensor t : model.getModelParameters().get()) {
            if (t instanceof DenseMatrix m) {
                for (int r = 0; r < m.getDimension1Size(); r++) {
                    for (int c = 0; c < m.getDimension2Size(); c++) {
                        out.add(m.get(r, c));
                    }
                }
            } else {
                SGDVector v = (SGDVector) t;
                for (int i = 0; i < v.size(); i++) {
                    out.add(v.get(i));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
