package io.synthline.generator.engine.dp;

import io.synthline.generator.engine.pgm.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * MST's domain compression: the values of a categorical attribute whose noisy 1-way count is
 * below a threshold are merged into one code, so later 2-way measurements spread their noise
 * over fewer cells. Decided from noisy counts only (post-processing). The merged code's 1-way
 * measurement is the sum of the merged noisy counts.
 */
final class DomainCompression {
    record Result(PrivateData data, List<Measurement> oneWay) {
    }

    private DomainCompression() {
    }

    static Result compress(PrivateData data, List<Measurement> oneWay, double threshold) {
        List<Measurement> measurements = new ArrayList<>(oneWay);
        for (int a = 0; a < data.attributes(); a++) {
            if (!(data.codecs().get(a) instanceof AttributeCodec.Categorical)) {
                continue;
            }
            Measurement m = measurements.get(a);
            double[] y = m.values();
            int rare = 0;
            for (double v : y) {
                if (v < threshold) {
                    rare++;
                }
            }
            if (rare < 2) {
                continue;
            }
            int[] toCompressed = new int[y.length];
            int next = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] >= threshold) {
                    toCompressed[i] = next++;
                }
            }
            int merged = next++;
            double[] compressedY = new double[next];
            for (int i = 0; i < y.length; i++) {
                if (y[i] < threshold) {
                    toCompressed[i] = merged;
                }
                compressedY[toCompressed[i]] += y[i];
            }
            AttributeCodec.Compressed codec = new AttributeCodec.Compressed(data.codecs().get(a), toCompressed, y);
            data = data.withCompressed(a, codec, toCompressed);
            measurements.set(a, new Measurement(m.attrs(), compressedY, m.sigma()));
        }
        return new Result(data, measurements);
    }
}
