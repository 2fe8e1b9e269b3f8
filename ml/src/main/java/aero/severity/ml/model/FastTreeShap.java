package aero.severity.ml.model;

/**
 * Path-dependent TreeSHAP (the values of Lundberg, Erion and Lee 2018) computed leaf by leaf from
 * each leaf's own path, instead of by growing and unwinding a path polynomial at every node.
 *
 * <p>For a leaf with value {@code v} whose path splits on the distinct columns {@code P} (d of them;
 * column {@code i} with zero fraction {@code z_i}, the product of the cover ratios of the path's edges
 * on it), let {@code H} be the columns whose conditions on the path the row meets and {@code C} the
 * others. With the Shapley weights {@code w(k) = k! (d-k-1)! / d!}, {@code Z(C)} the product of the
 * cold zero fractions and {@code Q(T) = sum over k of w(k) * e_{|T|-k}(z_T)} ({@code e_j} the
 * elementary symmetric polynomials of the zero fractions of {@code T}), the leaf adds
 * <ul>
 *   <li>to each column of {@code C}: {@code -v * Z(C) * Q(H)};</li>
 *   <li>to each column {@code i} of {@code H}: {@code v * Z(C) * (1 - z_i) * Q(H without i)}.</li>
 * </ul>
 * That is the definition's sum over coalitions, grouped by size: because the row either meets a
 * column's conditions or not (one fractions are 0 or 1), only subsets of {@code H} carry weight.
 * Explaining a row is one walk over every node carrying a bit mask of the columns the row still
 * follows, then {@code O(|H|^2)} multiply-adds per leaf on a few registers' worth of numbers (depth
 * 6: at most 6 columns); no division, so zero covers need no care. The per-leaf data (columns and
 * zero fractions) is about 12 bytes per path column. Immutable; one instance serves any number of
 * threads. {@code TreeShapTest} holds it to brute-force Shapley values and to Lundberg's Algorithm 2.
 */
final class FastTreeShap {

    private final int[] root;
    private final int[] treeClass;
    private final int[] left;
    private final int[] right;
    private final int[] column;
    private final float[] value;
    private final boolean[] defaultLeft;
    /** Internal nodes: the bit of their column among the distinct columns of the path from the root. */
    private final int[] bit;
    /** Leaves: the number of distinct columns on their path; -1 for internal nodes. */
    private final int[] pathColumns;
    /** Leaves: where their columns and zero fractions start in {@link #leafColumn} and {@link #leafZero}. */
    private final int[] leafStart;

    private final int[] leafColumn;
    private final double[] leafZero;
    /** weights[d][k] = k! (d-k-1)! / d!. */
    private final double[][] weights;

    private final int maxPath;

    FastTreeShap(
            int[] root,
            int[] treeClass,
            int[] left,
            int[] right,
            int[] column,
            float[] value,
            boolean[] defaultLeft,
            double[] coverFraction,
            int maxDepth) {
        if (maxDepth > 30) {
            throw new IllegalArgumentException("trees deeper than 30 levels are not supported");
        }
        this.root = root;
        this.treeClass = treeClass;
        this.left = left;
        this.right = right;
        this.column = column;
        this.value = value;
        this.defaultLeft = defaultLeft;
        int nodes = left.length;
        this.bit = new int[nodes];
        this.pathColumns = new int[nodes];
        this.leafStart = new int[nodes];
        java.util.Arrays.fill(pathColumns, -1);
        this.maxPath = Math.max(1, maxDepth);
        int[] total = new int[1];
        for (int r : root) {
            number(r, new int[maxPath], 0, total);
        }
        this.leafColumn = new int[total[0]];
        this.leafZero = new double[total[0]];
        for (int r : root) {
            fill(r, new int[maxPath], new double[maxPath], 0, coverFraction);
        }
        this.weights = new double[maxPath + 1][];
        for (int d = 0; d <= maxPath; d++) {
            weights[d] = new double[Math.max(d, 1)];
            for (int k = 0; k < d; k++) {
                double w = 1.0 / d; // k! (d-k-1)! / d! = 1 / (d * C(d-1, k))
                for (int j = 1; j <= k; j++) {
                    w *= (double) j / (d - j);
                }
                weights[d][k] = w;
            }
        }
    }

    /** First pass: each node's bit, each leaf's column count and where its columns go. */
    private void number(int node, int[] pathColumn, int distinct, int[] total) {
        if (left[node] == -1) {
            pathColumns[node] = distinct;
            leafStart[node] = total[0];
            total[0] += distinct;
            return;
        }
        int seen = indexOf(pathColumn, distinct, column[node]);
        int next = distinct;
        if (seen < 0) {
            pathColumn[distinct] = column[node];
            seen = distinct;
            next = distinct + 1;
        }
        bit[node] = seen;
        number(left[node], pathColumn, next, total);
        number(right[node], pathColumn, next, total);
    }

    /** Second pass: each leaf's columns and zero fractions. */
    private void fill(int node, int[] pathColumn, double[] zero, int distinct, double[] coverFraction) {
        if (left[node] == -1) {
            for (int i = 0; i < distinct; i++) {
                leafColumn[leafStart[node] + i] = pathColumn[i];
                leafZero[leafStart[node] + i] = zero[i];
            }
            return;
        }
        int b = bit[node];
        if (b == distinct) {
            pathColumn[b] = column[node];
            zero[b] = 1.0;
        }
        int next = Math.max(distinct, b + 1);
        for (int child : new int[] {left[node], right[node]}) {
            double[] childZero = zero.clone();
            childZero[b] *= coverFraction[child];
            fill(child, pathColumn, childZero, next, coverFraction);
        }
    }

    private static int indexOf(int[] pathColumn, int distinct, int c) {
        for (int i = 0; i < distinct; i++) {
            if (pathColumn[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Adds every tree's contributions for {@code x} into {@code contributions[class of the tree]}. */
    void addAll(double[] x, double[][] contributions) {
        int[] nodeStack = new int[2 * maxPath + 2];
        int[] maskStack = new int[2 * maxPath + 2];
        double[] hotZero = new double[maxPath];
        int[] hotColumn = new int[maxPath];
        double[] symmetric = new double[maxPath + 1];
        int[] left = this.left;
        int[] right = this.right;
        int[] column = this.column;
        float[] value = this.value;
        boolean[] defaultLeft = this.defaultLeft;
        int[] bit = this.bit;
        int[] pathColumns = this.pathColumns;
        int[] leafColumn = this.leafColumn;
        double[] leafZero = this.leafZero;
        for (int t = 0; t < root.length; t++) {
            double[] phi = contributions[treeClass[t]];
            int top = 0;
            nodeStack[0] = root[t];
            maskStack[0] = -1;
            while (top >= 0) {
                int node = nodeStack[top];
                int mask = maskStack[top];
                top--;
                int d = pathColumns[node];
                if (d < 0) {
                    double xv = x[column[node]];
                    boolean goLeft = xv == 0.0 ? defaultLeft[node] : (float) xv < value[node];
                    top++;
                    nodeStack[top] = goLeft ? right[node] : left[node];
                    maskStack[top] = mask & ~(1 << bit[node]);
                    top++;
                    nodeStack[top] = goLeft ? left[node] : right[node];
                    maskStack[top] = mask;
                    continue;
                }
                if (d == 0) {
                    continue;
                }
                int start = leafStart[node];
                // Split the path's columns into those the row meets (hot) and the others, without
                // branching on which: to the processor that is a coin toss per column and leaf.
                int hot = 0;
                double coldProduct = 1.0;
                for (int i = 0; i < d; i++) {
                    double z = leafZero[start + i];
                    int followed = (mask >>> i) & 1;
                    hotZero[hot] = z;
                    hotColumn[hot] = leafColumn[start + i];
                    hot += followed;
                    coldProduct *= followed == 1 ? 1.0 : z;
                }
                double scale = value[node] * coldProduct;
                double[] w = weights[d];
                // e[k] = k-th elementary symmetric polynomial of the hot zero fractions
                symmetric[0] = 1.0;
                for (int a = 0; a < hot; a++) {
                    double z = hotZero[a];
                    symmetric[a + 1] = 0.0;
                    for (int k = a + 1; k >= 1; k--) {
                        symmetric[k] += z * symmetric[k - 1];
                    }
                }
                if (hot < d) {
                    double q = 0.0;
                    for (int k = 0; k <= hot; k++) {
                        q += w[k] * symmetric[hot - k];
                    }
                    double cold = scale * q;
                    for (int i = 0; i < d; i++) {
                        phi[leafColumn[start + i]] -= ((mask >>> i) & 1) == 1 ? 0.0 : cold;
                    }
                }
                int n = hot - 1;
                for (int a = 0; a < hot; a++) {
                    // e_j of the hot set without column a: f_j = e_j - z_a f_{j-1} (each step multiplies
                    // the error by z_a <= 1, so it does not grow); Q = sum of w[n - j] f_j
                    double z = hotZero[a];
                    double f = 1.0;
                    double q = w[n];
                    for (int k = 1; k <= n; k++) {
                        f = symmetric[k] - z * f;
                        q += w[n - k] * f;
                    }
                    phi[hotColumn[a]] += scale * (1.0 - z) * q;
                }
            }
        }
    }
}
