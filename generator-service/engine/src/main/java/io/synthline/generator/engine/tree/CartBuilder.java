package io.synthline.generator.engine.tree;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Grows one CART tree (Breiman et al. 1984) for a target column of {@link TrainingData} from a
 * set of predictor columns: Gini impurity for categorical targets, squared error on mid-ranks
 * for numeric ones, binary splits on predictor states. Category subsets are searched in the
 * optimal order for two classes or a numeric target (categories sorted by class share or mean,
 * Breiman's theorem) and, for several classes, in the order of the first principal component
 * of the class-share vectors (Coppersmith, Hong and Hosking 1999). Histograms per node make a
 * node cost O(rows + states x classes) per predictor. Deterministic: no randomness, ties go to
 * the first candidate.
 */
final class CartBuilder {
    /**
     * Growth limits, as in synthpop's defaults (minbucket 5, cp 1e-8, rpart's maxdepth 30), and
     * {@code minCell}: the fewest rows of a leaf an entry of its histogram may count (the
     * disclosure limit k inside a leaf; values of fewer rows are pooled, see {@link Cart}).
     */
    record Limits(int minLeaf, int maxDepth, double complexity, int minCell) {
        static final Limits DEFAULT = new Limits(5, 30, 1e-8, 1);
    }

    private final TrainingData data;
    private final int target;
    private final int[] predictors;
    private final Limits limits;
    private final boolean categoricalTarget;
    private final int classes;
    private final byte[] classOf;
    private final float[] y;

    private final int[] rows;
    private final int[] scratch;
    // per-node histograms, reused
    private final long[] hist;
    private final long[] stateRows;
    private final double[] stateSum;
    private final long[] total;
    private final long[] leftCounts;
    private final int[] order;
    private final double[] score;
    private final double[] pcaV;
    private final double[] pcaW;

    // growing tree
    private int size;
    private int[] feature = new int[64];
    private int[] left = new int[64];
    private int[] split = new int[64];

    CartBuilder(TrainingData data, int target, int[] predictors, int[] rows, Limits limits) {
        this.data = data;
        this.target = target;
        this.predictors = predictors;
        this.limits = limits;
        this.categoricalTarget = !data.numeric[target];
        this.classes = categoricalTarget ? data.stateCount[target] : 1;
        this.classOf = categoricalTarget ? data.state[target] : null;
        this.y = categoricalTarget ? null : data.target[target];
        this.rows = rows.clone();
        this.scratch = new int[rows.length];
        int maxStates = TrainingData.MAX_STATES;
        this.hist = new long[maxStates * classes];
        this.stateRows = new long[maxStates];
        this.stateSum = new double[maxStates];
        this.total = new long[classes];
        this.leftCounts = new long[classes];
        this.order = new int[maxStates + 1];
        this.score = new double[maxStates];
        this.pcaV = new double[classes];
        this.pcaW = new double[classes];
    }

    private record Task(int node, int from, int to, int depth) {
    }

    /** A split: either ordered (threshold over value states, missing side flagged) or a mask of the states going left. */
    private record Split(int feature, double gain, long[] mask, int threshold, boolean missingLeft) {
        boolean ordered() {
            return threshold >= 0;
        }
    }

    Cart build() {
        double rootImpurity = impurity(0, rows.length);
        double minGain = Math.max(1e-12, limits.complexity() * rootImpurity);
        Deque<Task> stack = new ArrayDeque<>();
        stack.push(new Task(newNode(), 0, rows.length, 0));
        long[] maskBits = new long[64];
        int maskCount = 0;
        Leaves leaves = new Leaves(data.codebook[target].values());
        while (!stack.isEmpty()) {
            Task t = stack.pop();
            int n = t.to - t.from;
            Split best = null;
            if (n >= 2 * limits.minLeaf() && t.depth < limits.maxDepth() && impurity(t.from, t.to) > 1e-12) {
                best = bestSplit(t.from, t.to, minGain);
            }
            if (best == null) {
                feature[t.node] = ~leaves.count();
                leaves.add(t.from, t.to);
                continue;
            }
            int mid = partition(t.from, t.to, best);
            int l = newNode();
            newNode();
            feature[t.node] = best.feature;
            left[t.node] = l;
            if (best.ordered()) {
                split[t.node] = Cart.ordered(best.threshold, best.missingLeft ? data.stateCount[best.feature] - 1 : TrainingData.MAX_STATES);
            } else {
                if ((maskCount + 1) * 4 > maskBits.length) {
                    maskBits = Arrays.copyOf(maskBits, maskBits.length * 2);
                }
                System.arraycopy(best.mask, 0, maskBits, maskCount * 4, 4);
                split[t.node] = -(maskCount + 1);
                maskCount++;
            }
            // right first so that the left subtree is numbered first (pop order)
            stack.push(new Task(l + 1, mid, t.to, t.depth + 1));
            stack.push(new Task(l, t.from, mid, t.depth + 1));
        }
        int[] packed = new int[size * 3];
        for (int i = 0; i < size; i++) {
            packed[3 * i] = feature[i];
            packed[3 * i + 1] = left[i];
            packed[3 * i + 2] = split[i];
        }
        return new Cart(packed, Arrays.copyOf(maskBits, maskCount * 4), leaves.start.toArray(), leaves.value.toArray(),
                leaves.last.toArray(), leaves.upTo.toArray());
    }

    /**
     * The leaves' histograms of the target's value indexes, built as leaves are closed. A value
     * that at least {@code minCell} rows of the leaf have is an entry of its own. The others are
     * pooled: a numeric column's, in value order, into ranges of at least {@code minCell} rows (a
     * remainder joins the range before it), so that the leaf still says where its numbers lie; a
     * categorical column's into one entry spanning every category, since categories have no order.
     */
    private final class Leaves {
        final IntList start = new IntList();
        final IntList value = new IntList();
        final IntList last = new IntList();
        final IntList upTo = new IntList();
        private final int[] count;
        private final int allValues;
        private int[] seen = new int[64];

        Leaves(int values) {
            this.count = new int[values];
            this.allValues = values;
            start.add(0);
        }

        int count() {
            return start.size() - 1;
        }

        void add(int from, int to) {
            int distinct = 0;
            for (int i = from; i < to; i++) {
                int v = data.valueOf(target, rows[i]);
                if (count[v]++ == 0) {
                    if (distinct == seen.length) {
                        seen = Arrays.copyOf(seen, distinct * 2);
                    }
                    seen[distinct++] = v;
                }
            }
            // ascending value order: the histogram does not depend on the order rows reached the leaf
            Arrays.sort(seen, 0, distinct);
            int k = limits.minCell();
            int leafStart = value.size();
            int running = 0;
            int pooled = 0;
            int pooledFirst = -1;
            for (int i = 0; i < distinct; i++) {
                int v = seen[i];
                int n = count[v];
                count[v] = 0;
                if (n >= k && pooled == 0) {
                    running += n;
                    entry(v, v, running);
                } else if (n >= k && !categoricalTarget) {
                    // a pending numeric range of fewer than k rows ends at a value of its own: it joins the entry before it, or this one
                    running += pooled + n;
                    if (value.size() == leafStart) {
                        entry(pooledFirst, v, running);
                    } else {
                        extendLast(seen[i - 1], pooled);
                        entry(v, v, running);
                    }
                    pooled = 0;
                } else if (n >= k) {
                    running += n;
                    entry(v, v, running);
                } else {
                    pooledFirst = pooled == 0 ? v : pooledFirst;
                    pooled += n;
                    if (!categoricalTarget && pooled >= k) {
                        running += pooled;
                        entry(pooledFirst, v, running);
                        pooled = 0;
                    }
                }
            }
            if (pooled > 0) {
                running += pooled;
                if (categoricalTarget || value.size() == leafStart) {
                    entry(0, allValues - 1, running);
                } else {
                    extendLast(seen[distinct - 1], pooled);
                }
            }
            start.add(value.size());
        }

        /** The leaf's last entry, widened to end at {@code lastValue} with {@code rows} more rows. */
        private void extendLast(int lastValue, int rows) {
            int e = value.size() - 1;
            last.set(e, lastValue);
            upTo.set(e, upTo.get(e) + rows);
        }

        private void entry(int first, int lastValue, int rowsUpTo) {
            value.add(first);
            last.add(lastValue);
            upTo.add(rowsUpTo);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private int newNode() {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            left = Arrays.copyOf(left, cap);
            split = Arrays.copyOf(split, cap);
        }
        int node = size++;
        feature[node] = -1;
        left[node] = -1;
        return node;
    }

    /** n x impurity: n - sum(c^2)/n for classes, the sum of squared deviations for numbers. */
    private double impurity(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return 0;
        }
        if (categoricalTarget) {
            Arrays.fill(total, 0);
            for (int i = from; i < to; i++) {
                total[classOf[rows[i]] & 0xFF]++;
            }
            double sq = 0;
            for (long c : total) {
                sq += (double) c * c;
            }
            return n - sq / n;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = from; i < to; i++) {
            double v = y[rows[i]];
            sum += v;
            sumSq += v * v;
        }
        return sumSq - sum * sum / n;
    }

    private Split bestSplit(int from, int to, double minGain) {
        Split best = null;
        for (int p : predictors) {
            Split s = categoricalTarget ? bestClassSplit(p, from, to) : bestRegressionSplit(p, from, to);
            if (s != null && s.gain > minGain && (best == null || s.gain > best.gain)) {
                best = s;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- categorical target

    private Split bestClassSplit(int p, int from, int to) {
        int states = data.stateCount[p];
        byte[] st = data.state[p];
        Arrays.fill(hist, 0, states * classes, 0);
        Arrays.fill(stateRows, 0, states, 0);
        Arrays.fill(total, 0);
        for (int i = from; i < to; i++) {
            int r = rows[i];
            int s = st[r] & 0xFF;
            int k = classOf[r] & 0xFF;
            hist[s * classes + k]++;
            stateRows[s]++;
            total[k]++;
        }
        int n = to - from;
        double totalSq = 0;
        int present = 0;
        int firstClass = -1;
        int secondClass = -1;
        for (int k = 0; k < classes; k++) {
            totalSq += (double) total[k] * total[k];
            if (total[k] > 0) {
                present++;
                if (firstClass < 0) {
                    firstClass = k;
                } else if (secondClass < 0) {
                    secondClass = k;
                }
            }
        }
        if (data.numeric[p]) {
            Split a = scanClasses(p, states, n, totalSq, naturalOrder(states, false));
            if (stateRows[states - 1] > 0) {
                Split b = scanClasses(p, states, n, totalSq, naturalOrder(states, true));
                if (b != null && (a == null || b.gain > a.gain)) {
                    a = b;
                }
            }
            return a;
        }
        int used = 0;
        for (int s = 0; s < states; s++) {
            if (stateRows[s] > 0) {
                order[used++] = s;
            }
        }
        if (used < 2) {
            return null;
        }
        if (present <= 2) {
            int k = firstClass;
            for (int i = 0; i < used; i++) {
                int s = order[i];
                score[s] = (double) hist[s * classes + k] / stateRows[s];
            }
        } else {
            principalScores(used, n);
        }
        sortByScore(used);
        return scanClasses(p, states, n, totalSq, used);
    }

    /** Fills order with the non-empty states 0..states-1 (missing state first when asked); returns how many. */
    private int naturalOrder(int states, boolean missingFirst) {
        int used = 0;
        if (missingFirst) {
            order[used++] = states - 1;
        }
        for (int s = 0; s < states - 1; s++) {
            if (stateRows[s] > 0) {
                order[used++] = s;
            }
        }
        if (!missingFirst && stateRows[states - 1] > 0) {
            order[used++] = states - 1;
        }
        return used;
    }

    private Split scanClasses(int p, int states, int n, double totalSq, int used) {
        if (used < 2) {
            return null;
        }
        Arrays.fill(leftCounts, 0);
        double leftSq = 0;
        double rightSq = totalSq;
        long nLeft = 0;
        double bestGain = 0;
        int bestCut = -1;
        double parent = totalSq / n;
        for (int i = 0; i < used - 1; i++) {
            int s = order[i];
            int base = s * classes;
            for (int k = 0; k < classes; k++) {
                long h = hist[base + k];
                if (h != 0) {
                    long l = leftCounts[k];
                    long r = total[k] - l;
                    leftSq += (double) (2 * l + h) * h;
                    rightSq -= (double) (2 * r - h) * h;
                    leftCounts[k] = l + h;
                }
            }
            nLeft += stateRows[s];
            long nRight = n - nLeft;
            if (nLeft < limits.minLeaf() || nRight < limits.minLeaf()) {
                continue;
            }
            double gain = leftSq / nLeft + rightSq / nRight - parent;
            if (gain > bestGain + 1e-12) {
                bestGain = gain;
                bestCut = i;
            }
        }
        return bestCut < 0 ? null : split(p, bestGain, states, used, bestCut, n);
    }

    /**
     * Orders states by their projection on the first principal component of the class-share
     * vectors, found by power iteration (weighted by state size).
     */
    private void principalScores(int used, int n) {
        double[] mean = new double[classes];
        for (int k = 0; k < classes; k++) {
            mean[k] = (double) total[k] / n;
        }
        // start from the state that deviates most from the mean: never orthogonal to the top component in practice
        int far = order[0];
        double farDist = -1;
        for (int i = 0; i < used; i++) {
            int s = order[i];
            double d = 0;
            for (int k = 0; k < classes; k++) {
                double dev = (double) hist[s * classes + k] / stateRows[s] - mean[k];
                d += dev * dev;
            }
            d *= stateRows[s];
            if (d > farDist) {
                farDist = d;
                far = s;
            }
        }
        for (int k = 0; k < classes; k++) {
            pcaV[k] = (double) hist[far * classes + k] / stateRows[far] - mean[k];
        }
        for (int iter = 0; iter < 6; iter++) {
            Arrays.fill(pcaW, 0);
            for (int i = 0; i < used; i++) {
                int s = order[i];
                double dot = 0;
                for (int k = 0; k < classes; k++) {
                    dot += ((double) hist[s * classes + k] / stateRows[s] - mean[k]) * pcaV[k];
                }
                double w = dot * stateRows[s];
                for (int k = 0; k < classes; k++) {
                    pcaW[k] += w * ((double) hist[s * classes + k] / stateRows[s] - mean[k]);
                }
            }
            double norm = 0;
            for (double w : pcaW) {
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                break;
            }
            for (int k = 0; k < classes; k++) {
                pcaV[k] = pcaW[k] / norm;
            }
        }
        for (int i = 0; i < used; i++) {
            int s = order[i];
            double dot = 0;
            for (int k = 0; k < classes; k++) {
                dot += ((double) hist[s * classes + k] / stateRows[s]) * pcaV[k];
            }
            score[s] = dot;
        }
    }

    // ---------------------------------------------------------------- numeric target

    private Split bestRegressionSplit(int p, int from, int to) {
        int states = data.stateCount[p];
        byte[] st = data.state[p];
        Arrays.fill(stateRows, 0, states, 0);
        Arrays.fill(stateSum, 0, states, 0);
        double sum = 0;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            int s = st[r] & 0xFF;
            double v = y[r];
            stateRows[s]++;
            stateSum[s] += v;
            sum += v;
        }
        int n = to - from;
        if (data.numeric[p]) {
            Split a = scanRegression(p, states, n, sum, naturalOrder(states, false));
            if (stateRows[states - 1] > 0) {
                Split b = scanRegression(p, states, n, sum, naturalOrder(states, true));
                if (b != null && (a == null || b.gain > a.gain)) {
                    a = b;
                }
            }
            return a;
        }
        int used = 0;
        for (int s = 0; s < states; s++) {
            if (stateRows[s] > 0) {
                order[used++] = s;
                score[s] = stateSum[s] / stateRows[s];
            }
        }
        sortByScore(used);
        return scanRegression(p, states, n, sum, used);
    }

    private Split scanRegression(int p, int states, int n, double sum, int used) {
        if (used < 2) {
            return null;
        }
        double parent = sum * sum / n;
        double leftSum = 0;
        long nLeft = 0;
        double bestGain = 0;
        int bestCut = -1;
        for (int i = 0; i < used - 1; i++) {
            int s = order[i];
            leftSum += stateSum[s];
            nLeft += stateRows[s];
            long nRight = n - nLeft;
            if (nLeft < limits.minLeaf() || nRight < limits.minLeaf()) {
                continue;
            }
            double rightSum = sum - leftSum;
            double gain = leftSum * leftSum / nLeft + rightSum * rightSum / nRight - parent;
            if (gain > bestGain + 1e-12) {
                bestGain = gain;
                bestCut = i;
            }
        }
        return bestCut < 0 ? null : split(p, bestGain, states, used, bestCut, n);
    }

    // ---------------------------------------------------------------- shared

    private void sortByScore(int used) {
        // insertion sort: at most 256 states, and stable so ties keep state order
        for (int i = 1; i < used; i++) {
            int s = order[i];
            double key = score[s];
            int j = i - 1;
            while (j >= 0 && score[order[j]] > key) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = s;
        }
    }

    /**
     * The left set: states order[0..cut]. Numeric predictors split by threshold: every value
     * state up to the last one on the left goes left (states without rows in this node included),
     * and the missing state goes where it was put, or with the larger side when it has no rows.
     * Category states without rows join the larger side.
     */
    private Split split(int p, double gain, int states, int used, int cut, int n) {
        long nLeft = 0;
        for (int i = 0; i <= cut; i++) {
            nLeft += stateRows[order[i]];
        }
        boolean largerLeft = nLeft * 2 >= n;
        if (data.numeric[p]) {
            int missing = states - 1;
            boolean missingLeft = false;
            int lastLeftValue = -1;
            for (int i = 0; i <= cut; i++) {
                if (order[i] == missing) {
                    missingLeft = true;
                } else {
                    lastLeftValue = Math.max(lastLeftValue, order[i]);
                }
            }
            if (stateRows[missing] == 0) {
                missingLeft = largerLeft;
            }
            // threshold -1 would read as "not ordered": states are >= 0, so "nothing below" is encoded by a
            // mask instead (only the missing state on the left)
            if (lastLeftValue < 0) {
                long[] m = new long[4];
                m[missing >>> 6] |= 1L << (missing & 63);
                return new Split(p, gain, m, -1, false);
            }
            return new Split(p, gain, null, lastLeftValue, missingLeft);
        }
        long[] m = new long[4];
        for (int i = 0; i <= cut; i++) {
            int s = order[i];
            m[s >>> 6] |= 1L << (s & 63);
        }
        if (largerLeft) {
            for (int s = 0; s < states; s++) {
                if (stateRows[s] == 0) {
                    m[s >>> 6] |= 1L << (s & 63);
                }
            }
        }
        return new Split(p, gain, m, -1, false);
    }

    /** Stable partition of rows[from, to) into left then right; returns the first right index. */
    private int partition(int from, int to, Split split) {
        byte[] st = data.state[split.feature];
        int missing = data.stateCount[split.feature] - 1;
        int l = from;
        int r = 0;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            int s = st[row] & 0xFF;
            boolean goLeft = split.ordered() ? s <= split.threshold || (split.missingLeft && s == missing)
                    : ((split.mask[s >>> 6] >>> (s & 63)) & 1L) != 0;
            if (goLeft) {
                rows[l++] = row;
            } else {
                scratch[r++] = row;
            }
        }
        System.arraycopy(scratch, 0, rows, l, r);
        return l;
    }
}
