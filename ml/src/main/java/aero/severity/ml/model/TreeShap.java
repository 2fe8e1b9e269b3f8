package aero.severity.ml.model;

/**
 * Path-dependent TreeSHAP (Lundberg, Erion and Lee, "Consistent Individualized Feature Attribution
 * for Tree Ensembles", 2018, Algorithm 2) over the flat node arrays {@link TreeEnsembleScorer}
 * walks. Exact Shapley values of the game {@code v(S) = E[f(x) | x_S]} where the expectation
 * follows the training rows' cover (XGBoost's hessian sums) down the branches of the features not in
 * {@code S}: so base value + contributions = the raw score, and a column no tree splits on gets 0.
 *
 * <p>The row's branch at each node is the one the scorer takes ({@code 0} follows the default
 * branch, otherwise {@code (float) x < split} goes left). In this variant a path element's "one
 * fraction" is always 0 or 1, which lets the inner loops run on precomputed ratios instead of
 * divisions. One instance per call (it holds the path buffers); not thread safe.
 *
 * <p>The api explains through {@link FastTreeShap} (the same values leaf by leaf, twice as fast);
 * this published algorithm stays as the independent reference {@code TreeShapTest} holds it to, and
 * as the home of the cover arithmetic both share ({@link #coverFractions}, {@link #expectedValue}).
 */
final class TreeShap {

    private final int[] left;
    private final int[] right;
    private final int[] column;
    private final float[] value;
    private final boolean[] defaultLeft;
    /** Each node's share of its parent's cover: the zero fraction of the edge into it. */
    private final double[] coverFraction;

    /** The unique path of every depth, one slice each: feature, zero fraction, one fraction, weight. */
    private final int[] pathColumn;

    private final double[] pathZero;
    private final double[] pathOne;
    private final double[] pathWeight;
    /** At a leaf: the followed elements' positions, zero fractions and their unwinding chains. */
    private final int[] hotElement;

    private final double[] hotZero;
    private final double[] hotNext;
    private final double[] hotTotal;
    /** shrink[d][i] = (d - i) / (d + 1), unshrink its inverse, grow[d][i] = (d + 1) / (i + 1): the loops' divisions. */
    private static final int MAX_TABLE_DEPTH = 64;

    private static final double[][] SHRINK = new double[MAX_TABLE_DEPTH + 1][];
    private static final double[][] UNSHRINK = new double[MAX_TABLE_DEPTH + 1][];
    private static final double[][] GROW = new double[MAX_TABLE_DEPTH + 1][];

    static {
        for (int d = 0; d <= MAX_TABLE_DEPTH; d++) {
            SHRINK[d] = new double[d + 1];
            UNSHRINK[d] = new double[d + 1];
            GROW[d] = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                SHRINK[d][i] = (double) (d - i) / (d + 1);
                UNSHRINK[d][i] = i == d ? 0 : (double) (d + 1) / (d - i);
                GROW[d][i] = (double) (d + 1) / (i + 1);
            }
        }
    }

    private static final double[] INVERSE = new double[MAX_TABLE_DEPTH + 2];

    static {
        for (int n = 1; n < INVERSE.length; n++) {
            INVERSE[n] = 1.0 / n;
        }
    }

    private final double[][] shrink = SHRINK;
    private final double[][] unshrink = UNSHRINK;
    private final double[][] grow = GROW;

    private double[] phi = new double[0];
    private double[] row = new double[0];

    TreeShap(
            int[] left,
            int[] right,
            int[] column,
            float[] value,
            boolean[] defaultLeft,
            double[] coverFraction,
            int maxDepth) {
        this.left = left;
        this.right = right;
        this.column = column;
        this.value = value;
        this.defaultLeft = defaultLeft;
        this.coverFraction = coverFraction;
        int depth = maxDepth + 2;
        int size = depth * (depth + 1) / 2 + depth;
        this.pathColumn = new int[size];
        this.pathZero = new double[size];
        this.pathOne = new double[size];
        this.pathWeight = new double[size];
        this.hotElement = new int[depth + 1];
        this.hotZero = new double[depth + 1];
        this.hotNext = new double[depth + 1];
        this.hotTotal = new double[depth + 1];
        if (depth > MAX_TABLE_DEPTH) {
            throw new IllegalArgumentException(
                    "trees deeper than " + (MAX_TABLE_DEPTH - 2) + " levels are not supported");
        }
    }

    /** Adds the contributions of the tree rooted at {@code root} for {@code x} into {@code contributions}. */
    void addTree(int root, double[] x, double[] contributions) {
        this.row = x;
        this.phi = contributions;
        recurse(root, 0, 0, 0, 1.0, 1.0, -1);
    }

    /** Each node's cover divided by its parent's (1 for roots), computed once per model. */
    static double[] coverFractions(int[] left, int[] right, float[] cover) {
        double[] fraction = new double[cover.length];
        java.util.Arrays.fill(fraction, 1.0);
        for (int node = 0; node < cover.length; node++) {
            if (left[node] != -1) {
                fraction[left[node]] = (double) cover[left[node]] / cover[node];
                fraction[right[node]] = (double) cover[right[node]] / cover[node];
            }
        }
        return fraction;
    }

    /** Expected value of the tree under its cover: what a row that tells nothing would score. */
    static double expectedValue(int node, int[] left, int[] right, float[] value, float[] cover) {
        if (left[node] == -1) {
            return value[node];
        }
        double w = cover[node];
        return (cover[left[node]] * expectedValue(left[node], left, right, value, cover)
                        + cover[right[node]] * expectedValue(right[node], left, right, value, cover))
                / w;
    }

    /**
     * @param parentStart where the parent's path slice starts; this node's slice follows it
     * @param depth       the unique path's length before extending it with this node's incoming edge
     */
    private void recurse(
            int node,
            int parentStart,
            int depth,
            int start,
            double zeroFraction,
            double oneFraction,
            int featureColumn) {
        if (start != parentStart) {
            for (int i = 0; i < depth; i++) {
                pathColumn[start + i] = pathColumn[parentStart + i];
                pathZero[start + i] = pathZero[parentStart + i];
                pathOne[start + i] = pathOne[parentStart + i];
                pathWeight[start + i] = pathWeight[parentStart + i];
            }
        }
        extend(start, depth, zeroFraction, oneFraction, featureColumn);

        if (left[node] == -1) {
            double leaf = value[node];
            if (leaf != 0.0) {
                addLeaf(start, depth, leaf);
            }
            return;
        }
        int split = column[node];
        double x = row[split];
        boolean goLeft = x == 0.0 ? defaultLeft[node] : (float) x < value[node];
        int hot = goLeft ? left[node] : right[node];
        int cold = goLeft ? right[node] : left[node];
        double hotZero = coverFraction[hot];
        double coldZero = coverFraction[cold];
        double incomingZero = 1.0;
        double incomingOne = 1.0;
        int uniqueDepth = depth;
        for (int i = 0; i <= uniqueDepth; i++) {
            if (pathColumn[start + i] == split) {
                incomingZero = pathZero[start + i];
                incomingOne = pathOne[start + i];
                unwind(start, uniqueDepth, i);
                uniqueDepth--;
                break;
            }
        }
        int childStart = start + uniqueDepth + 1;
        recurse(hot, start, uniqueDepth + 1, childStart, hotZero * incomingZero, incomingOne, split);
        recurse(cold, start, uniqueDepth + 1, childStart, coldZero * incomingZero, 0.0, split);
    }

    private void extend(int start, int depth, double zeroFraction, double oneFraction, int featureColumn) {
        pathColumn[start + depth] = featureColumn;
        pathZero[start + depth] = zeroFraction;
        pathOne[start + depth] = oneFraction;
        pathWeight[start + depth] = depth == 0 ? 1.0 : 0.0;
        double inverse = INVERSE[depth + 1];
        for (int i = depth - 1; i >= 0; i--) {
            pathWeight[start + i + 1] += oneFraction * pathWeight[start + i] * (i + 1) * inverse;
            pathWeight[start + i] = zeroFraction * pathWeight[start + i] * (depth - i) * inverse;
        }
    }

    private void unwind(int start, int depth, int pathIndex) {
        double one = pathOne[start + pathIndex];
        double zero = pathZero[start + pathIndex];
        double next = pathWeight[start + depth];
        double[] g = grow[depth];
        double[] s = shrink[depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = pathWeight[start + i];
                pathWeight[start + i] = next * g[i] / one;
                next = tmp - pathWeight[start + i] * zero * s[i];
            } else {
                pathWeight[start + i] = pathWeight[start + i] / (zero * s[i]);
            }
        }
        for (int i = pathIndex; i < depth; i++) {
            pathColumn[start + i] = pathColumn[start + i + 1];
            pathZero[start + i] = pathZero[start + i + 1];
            pathOne[start + i] = pathOne[start + i + 1];
        }
    }

    /**
     * Adds the leaf's value to the path's elements by their unwound weights. An element the row did
     * not follow (one fraction 0) unwinds to one sum shared by all of them, divided by its own zero
     * fraction, which its weight multiplies away again. Each followed element (one fraction 1) unwinds
     * along a chain of dependent multiplications; the chains of all of them run side by side in one
     * loop, so the processor overlaps them instead of waiting on one at a time.
     */
    private void addLeaf(int start, int depth, double leaf) {
        int hot = 0;
        boolean anyCold = false;
        for (int i = 1; i <= depth; i++) {
            if (pathOne[start + i] != 0) {
                hotElement[hot] = start + i;
                hotZero[hot] = pathZero[start + i];
                hotNext[hot] = pathWeight[start + depth];
                hotTotal[hot] = 0;
                hot++;
            } else {
                anyCold = true;
            }
        }
        double[] g = grow[depth];
        double[] s = shrink[depth];
        double coldSum = 0;
        double[] inverseShrink = unshrink[depth];
        for (int j = depth - 1; j >= 0; j--) {
            double weight = pathWeight[start + j];
            double gj = g[j];
            double sj = s[j];
            for (int h = 0; h < hot; h++) {
                double tmp = hotNext[h] * gj;
                hotTotal[h] += tmp;
                hotNext[h] = weight - tmp * hotZero[h] * sj;
            }
            coldSum += weight * inverseShrink[j];
        }
        for (int h = 0; h < hot; h++) {
            phi[pathColumn[hotElement[h]]] += hotTotal[h] * (1.0 - hotZero[h]) * leaf;
        }
        if (anyCold) {
            double cold = coldSum * leaf;
            for (int i = 1; i <= depth; i++) {
                if (pathOne[start + i] == 0) {
                    phi[pathColumn[start + i]] -= cold;
                }
            }
        }
    }
}
