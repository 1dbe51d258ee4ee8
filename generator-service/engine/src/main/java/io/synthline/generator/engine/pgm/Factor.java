package io.synthline.generator.engine.pgm;

import java.util.Arrays;

/**
 * A table of numbers over the joint values of a set of attributes (sorted; row-major, the last
 * attribute varying fastest). Used both in log space (potentials, messages) and in probability
 * space (marginals); the method names say which.
 */
public final class Factor {
    private final AttributeDomain domain;
    private final int[] attrs;
    private final double[] values;

    public Factor(AttributeDomain domain, int[] attrs, double[] values) {
        this(domain, attrs, values, true);
    }

    private Factor(AttributeDomain domain, int[] attrs, double[] values, boolean check) {
        if (check && values.length != domain.cells(attrs)) {
            throw new IllegalArgumentException("expected " + domain.cells(attrs) + " values for " + Arrays.toString(attrs)
                    + ", got " + values.length);
        }
        this.domain = domain;
        this.attrs = attrs;
        this.values = values;
    }

    public static Factor filled(AttributeDomain domain, int[] attrs, double value) {
        double[] v = new double[Math.toIntExact(domain.cells(attrs))];
        Arrays.fill(v, value);
        return new Factor(domain, attrs, v);
    }

    public AttributeDomain domain() {
        return domain;
    }

    public int[] attrs() {
        return attrs;
    }

    /** The backing array (mutable on purpose: estimation updates potentials in place). */
    public double[] values() {
        return values;
    }

    public Factor copy() {
        return new Factor(domain, attrs, values.clone(), false);
    }

    /** Sum over the attributes not in {@code keep} (a subset of this factor's attributes). */
    public Factor sumTo(int[] keep) {
        if (Arrays.equals(keep, attrs)) {
            return copy();
        }
        int[] map = domain.indexMap(attrs, keep);
        double[] out = new double[Math.toIntExact(domain.cells(keep))];
        for (int i = 0; i < values.length; i++) {
            out[map[i]] += values[i];
        }
        return new Factor(domain, keep, out);
    }

    /** log of the sum of exp over the attributes not in {@code keep}, computed stably. */
    public Factor logSumExpTo(int[] keep) {
        if (Arrays.equals(keep, attrs)) {
            return copy();
        }
        int[] map = domain.indexMap(attrs, keep);
        int n = Math.toIntExact(domain.cells(keep));
        double[] max = new double[n];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > max[map[i]]) {
                max[map[i]] = values[i];
            }
        }
        double[] sum = new double[n];
        for (int i = 0; i < values.length; i++) {
            double m = max[map[i]];
            if (m != Double.NEGATIVE_INFINITY) {
                sum[map[i]] += Math.exp(values[i] - m);
            }
        }
        for (int j = 0; j < n; j++) {
            sum[j] = max[j] == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : max[j] + Math.log(sum[j]);
        }
        return new Factor(domain, keep, sum);
    }

    /** log of the sum of exp of all values. */
    public double logSumExp() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** this[cell] += scale * other[projection of cell]; other's attributes must be a subset of this one's. */
    public void addBroadcast(Factor other, double scale) {
        int[] map = domain.indexMap(attrs, other.attrs);
        double[] o = other.values;
        for (int i = 0; i < values.length; i++) {
            values[i] += scale * o[map[i]];
        }
    }

    /** this[cell] *= other[projection of cell] (probability space). */
    public void multiplyBroadcast(Factor other) {
        int[] map = domain.indexMap(attrs, other.attrs);
        double[] o = other.values;
        for (int i = 0; i < values.length; i++) {
            values[i] *= o[map[i]];
        }
    }

    /** this[cell] /= other[projection of cell], with 0 / 0 = 0 (probability space). */
    public void divideBroadcast(Factor other) {
        int[] map = domain.indexMap(attrs, other.attrs);
        double[] o = other.values;
        for (int i = 0; i < values.length; i++) {
            double d = o[map[i]];
            values[i] = d == 0 ? 0 : values[i] / d;
        }
    }

    /** The product over the union of both scopes (probability space). */
    public Factor times(Factor other) {
        int[] scope = Attributes.union(attrs, other.attrs);
        Factor out = Factor.filled(domain, scope, 1);
        out.multiplyBroadcast(this);
        out.multiplyBroadcast(other);
        return out;
    }

    /**
     * sum over the attributes not in {@code scope} of this * other (probability space), without
     * building the product over the union of both scopes: the cost is |this| x (cells of other's
     * attributes this factor lacks), the memory that of the result.
     */
    public Factor contract(Factor other, int[] scope) {
        int[] carried = Attributes.minus(other.attrs, attrs);
        int[] union = Attributes.union(attrs, other.attrs);
        if (!Attributes.isSubset(scope, union)) {
            throw new IllegalArgumentException(Arrays.toString(scope) + " is not within " + Arrays.toString(union));
        }
        int[] otherStride = strides(other.attrs);
        int[] outStride = strides(scope);
        int n = values.length;
        int[] otherIndex = new int[n];
        int[] outIndex = new int[n];
        int[] shape = domain.shape(attrs);
        int[] digit = new int[attrs.length];
        int[] stepOther = new int[attrs.length];
        int[] stepOut = new int[attrs.length];
        for (int p = 0; p < attrs.length; p++) {
            int i = Attributes.indexOf(other.attrs, attrs[p]);
            stepOther[p] = i >= 0 ? otherStride[i] : 0;
            int j = Attributes.indexOf(scope, attrs[p]);
            stepOut[p] = j >= 0 ? outStride[j] : 0;
        }
        int io = 0;
        int iu = 0;
        for (int x = 0; x < n; x++) {
            otherIndex[x] = io;
            outIndex[x] = iu;
            for (int p = attrs.length - 1; p >= 0; p--) {
                digit[p]++;
                io += stepOther[p];
                iu += stepOut[p];
                if (digit[p] < shape[p]) {
                    break;
                }
                io -= stepOther[p] * shape[p];
                iu -= stepOut[p] * shape[p];
                digit[p] = 0;
            }
        }
        int t = Math.toIntExact(domain.cells(carried));
        int[] offsetOther = new int[t];
        int[] offsetOut = new int[t];
        int[] carriedShape = domain.shape(carried);
        int[] cd = new int[carried.length];
        for (int k = 0; k < t; k++) {
            int a = 0;
            int b = 0;
            for (int q = 0; q < carried.length; q++) {
                a += cd[q] * otherStride[Attributes.indexOf(other.attrs, carried[q])];
                int j = Attributes.indexOf(scope, carried[q]);
                b += j >= 0 ? cd[q] * outStride[j] : 0;
            }
            offsetOther[k] = a;
            offsetOut[k] = b;
            for (int q = carried.length - 1; q >= 0; q--) {
                if (++cd[q] < carriedShape[q]) {
                    break;
                }
                cd[q] = 0;
            }
        }
        double[] out = new double[Math.toIntExact(domain.cells(scope))];
        double[] o = other.values;
        for (int x = 0; x < n; x++) {
            double v = values[x];
            if (v == 0) {
                continue;
            }
            int baseOther = otherIndex[x];
            int baseOut = outIndex[x];
            for (int k = 0; k < t; k++) {
                out[baseOut + offsetOut[k]] += v * o[baseOther + offsetOther[k]];
            }
        }
        return new Factor(domain, scope, out);
    }

    private int[] strides(int[] scope) {
        int[] stride = new int[scope.length];
        int s = 1;
        for (int i = scope.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= domain.size(scope[i]);
        }
        return stride;
    }

    /** This factor broadcast to a superset scope (log or probability space alike). */
    public Factor expandTo(int[] scope) {
        Factor out = Factor.filled(domain, scope, 0);
        out.addBroadcast(this, 1);
        return out;
    }

    /** exp of every value, scaled so that the values sum to {@code total}. */
    public Factor expNormalized(double total) {
        double lse = logSumExp();
        double[] out = new double[values.length];
        double shift = Math.log(total) - lse;
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.exp(values[i] + shift);
        }
        return new Factor(domain, attrs, out);
    }
}
