package io.synthline.evaluator.engine.ml;

import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.Frame;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Rows to Tribuo examples: continuous columns standardised with the fitting table's mean and
 * standard deviation (a missing value becomes 0 plus a "missing" indicator feature), discrete
 * columns one-hot ("name=category"; missing is its own category). Categories are the shared
 * dictionary codes, so real and synthetic rows land on the same features.
 */
public final class FeatureEncoder {
    private final List<EvalColumn> columns;
    private final double[] mean;
    private final double[] scale;
    private final String[][] categoryFeature;
    private final String[] missingFeature;

    public FeatureEncoder(List<EvalColumn> columns, Frame fitOn) {
        this.columns = List.copyOf(columns);
        int d = columns.size();
        mean = new double[d];
        scale = new double[d];
        categoryFeature = new String[d][];
        missingFeature = new String[d];
        for (int i = 0; i < d; i++) {
            EvalColumn c = columns.get(i);
            missingFeature[i] = c.name() + "=<missing>";
            if (c.isContinuous()) {
                double[] v = fitOn.values(c.index());
                double s = 0;
                int n = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        s += x;
                        n++;
                    }
                }
                mean[i] = n == 0 ? 0 : s / n;
                double ss = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        ss += (x - mean[i]) * (x - mean[i]);
                    }
                }
                double sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
                scale[i] = sd > 0 ? 1 / sd : 1;
            } else {
                categoryFeature[i] = new String[c.cardinality()];
                for (int k = 0; k < c.cardinality(); k++) {
                    categoryFeature[i][k] = c.name() + "=" + c.categories().get(k);
                }
            }
        }
    }

    public List<EvalColumn> columns() {
        return columns;
    }

    /** @param label the class name, or null for an example that is only predicted */
    public Example<Label> example(Frame frame, int row, String label) {
        List<String> names = new ArrayList<>(columns.size() + 2);
        List<Double> values = new ArrayList<>(columns.size() + 2);
        for (int i = 0; i < columns.size(); i++) {
            EvalColumn c = columns.get(i);
            if (c.isContinuous()) {
                double x = frame.values(c.index())[row];
                if (Double.isNaN(x)) {
                    names.add(missingFeature[i]);
                    values.add(1.0);
                } else {
                    names.add(c.name());
                    values.add((x - mean[i]) * scale[i]);
                }
            } else {
                int code = frame.codes(c.index())[row];
                names.add(code < 0 ? missingFeature[i] : categoryFeature[i][code]);
                values.add(1.0);
            }
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        // Tribuo's placeholder output marks examples that are only predicted
        return new ArrayExample<>(label == null ? LabelFactory.UNKNOWN_LABEL : new Label(label), names.toArray(String[]::new), v);
    }
}
