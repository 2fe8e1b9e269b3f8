package aero.severity.ml.model;

/**
 * Path-dependent TreeSHAP with the per-leaf work done once per model instead of once per row: the
 * idea of Fast TreeSHAP v2 (Yang, "Fast TreeSHAP", 2021), in the form our trees allow.
 *
 * <p>For a leaf with value {@code v} whose path splits on the distinct columns {@code P} (d of them,
 * column {@code i} with zero fraction {@code z_i}, the product of the cover ratios of the path's
 * edges on that column), a row that follows the path's conditions on the columns {@code H} and not
 * on the others adds, with the Shapley weight {@code w(s) = s! (d-s-1)! / d!} and
 * {@code F(T) = v * sum over S in T of w(|S|) * prod of z_j for j in P outside S}:
 * <ul>
 *   <li>to a column {@code i} not in {@code H}: {@code -F(H)};</li>
 *   <li>to a column {@code i} in {@code H}: {@code (1 - z_i) / z_i * F(H without i)}.</li>
 * </ul>
 * {@code F} depends on the leaf alone, so it is tabulated for all {@code 2^d} subsets when the model
 * first explains (a subset-sum transform, {@code O(d 2^d)} per leaf). Explaining a row is then one
 * walk over every node, carrying a bit mask of the columns the row still follows, and {@code O(d)}
 * table reads per leaf, where {@link TreeShap} spends {@code O(d^2)} per node and leaf.
 *
 * <p>It needs every zero fraction above 0 (XGBoost's hessian sums are) and tables of a bounded size;
 * {@link #fits} says whether a model qualifies, and {@link TreeShap} explains those that do not.
 * Immutable once built; one instance serves any number of threads.
 */
final class LeafTableShap {

    /** Above this many distinct columns on a path the table (2^d per leaf) is not worth its memory. */
    static final int MAX_PATH_COLUMNS = 12;
    /** All leaves' tables together: 4 Mi doubles, 32 MiB. The 800-tree champion needs about 1.7 Mi. */
    static final long MAX_TABLE_ENTRIES = 1L << 22;

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
    /** Leaves: where their columns and factors start in {@link #leafColumn} and {@link #leafFactor}. */
    private final int[] leafStart;
    /** Leaves: where their table starts in {@link #table}. */
    private final int[] tableStart;
    private final int[] leafColumn;
    /** (1 - z_i) / z_i for each column of each leaf's path. */
    private final double[] leafFactor;
    private final double[] table;
    private final int stackSize;

    /**
     * Whether a model's trees can be tabulated: every zero fraction above 0, no path with more than
     * {@link #MAX_PATH_COLUMNS} distinct columns, tables within {@link #MAX_TABLE_ENTRIES}.
     */
    static boolean fits(int[] root, int[] left, int[] right, int[] column, double[] coverFraction) {
        long entries = 0;
        for (int r : root) {
            long tree = entries(r, left, right, column, new int[MAX_PATH_COLUMNS + 1], 0, coverFraction);
            if (tree < 0) {
                return false;
            }
            entries += tree;
            if (entries > MAX_TABLE_ENTRIES) {
                return false;
            }
        }
        return true;
    }

    private static long entries(int node, int[] left, int[] right, int[] column, int[] pathColumn, int distinct,
            double[] coverFraction) {
        if (!(coverFraction[node] > 0)) {
            return -1;
        }
        if (left[node] == -1) {
            return 1L << distinct;
        }
        int seen = indexOf(pathColumn, distinct, column[node]);
        int next = distinct;
        if (seen < 0) {
            if (distinct == MAX_PATH_COLUMNS) {
                return -1;
            }
            pathColumn[distinct] = column[node];
            next = distinct + 1;
        }
        long l = entries(left[node], left, right, column, pathColumn, next, coverFraction);
        long r = l < 0 ? -1 : entries(right[node], left, right, column, pathColumn, next, coverFraction);
        return l < 0 || r < 0 ? -1 : l + r;
    }

    LeafTableShap(int[] root, int[] treeClass, int[] left, int[] right, int[] column, float[] value, boolean[] defaultLeft,
            double[] coverFraction, int maxDepth) {
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
        this.tableStart = new int[nodes];
        java.util.Arrays.fill(pathColumns, -1);
        Sizes sizes = new Sizes();
        for (int r : root) {
            size(r, new int[MAX_PATH_COLUMNS + 1], 0, sizes);
        }
        this.leafColumn = new int[sizes.columns];
        this.leafFactor = new double[sizes.columns];
        this.table = new double[Math.toIntExact(sizes.entries)];
        for (int r : root) {
            fill(r, new int[MAX_PATH_COLUMNS + 1], new double[MAX_PATH_COLUMNS + 1], 0, coverFraction);
        }
        this.stackSize = maxDepth + 2;
    }

    private static final class Sizes {
        int columns;
        long entries;
    }

    /** First pass: each node's bit, each leaf's column count and offsets. */
    private void size(int node, int[] pathColumn, int distinct, Sizes sizes) {
        if (left[node] == -1) {
            pathColumns[node] = distinct;
            leafStart[node] = sizes.columns;
            tableStart[node] = Math.toIntExact(sizes.entries);
            sizes.columns += distinct;
            sizes.entries += 1L << distinct;
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
        size(left[node], pathColumn, next, sizes);
        size(right[node], pathColumn, next, sizes);
    }

    /** Second pass: each leaf's columns, factors and table, from the zero fractions of its path. */
    private void fill(int node, int[] pathColumn, double[] zero, int distinct, double[] coverFraction) {
        if (left[node] == -1) {
            tabulate(node, pathColumn, zero, distinct);
            return;
        }
        int b = bit[node];
        int next = Math.max(distinct, b + 1);
        if (b == distinct) {
            pathColumn[b] = column[node];
            zero[b] = 1.0;
        }
        for (int child : new int[] {left[node], right[node]}) {
            double[] childZero = zero.clone();
            childZero[b] *= coverFraction[child];
            fill(child, pathColumn, childZero, next, coverFraction);
        }
    }

    private void tabulate(int leaf, int[] pathColumn, double[] zero, int d) {
        int start = leafStart[leaf];
        for (int i = 0; i < d; i++) {
            leafColumn[start + i] = pathColumn[i];
            leafFactor[start + i] = (1.0 - zero[i]) / zero[i];
        }
        int offset = tableStart[leaf];
        int full = (1 << d) - 1;
        double v = value[leaf];
        double[] weight = shapleyWeights(d);
        for (int s = 0; s < full; s++) { // S = every column: never read (no column is left outside it)
            double product = v * weight[Integer.bitCount(s)];
            for (int j = 0; j < d; j++) {
                if ((s & (1 << j)) == 0) {
                    product *= zero[j];
                }
            }
            table[offset + s] = product;
        }
        for (int j = 0; j < d; j++) { // subset sums: table[T] = sum of g(S) over S in T
            for (int t = 0; t <= full; t++) {
                if ((t & (1 << j)) != 0) {
                    table[offset + t] += table[offset + (t ^ (1 << j))];
                }
            }
        }
    }

    /** w(s) = s! (d - s - 1)! / d! for s = 0 .. d - 1. */
    private static double[] shapleyWeights(int d) {
        double[] weight = new double[Math.max(d, 1)];
        for (int s = 0; s < d; s++) {
            double w = 1.0 / d;
            // s! (d-s-1)! / d! = 1 / (d * C(d-1, s))
            for (int k = 1; k <= s; k++) {
                w *= (double) k / (d - k);
            }
            weight[s] = w;
        }
        return weight;
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
        int[] nodeStack = new int[2 * stackSize];
        int[] maskStack = new int[2 * stackSize];
        int[] left = this.left;
        int[] right = this.right;
        int[] column = this.column;
        float[] value = this.value;
        boolean[] defaultLeft = this.defaultLeft;
        int[] bit = this.bit;
        int[] pathColumns = this.pathColumns;
        double[] table = this.table;
        double[] leafFactor = this.leafFactor;
        int[] leafColumn = this.leafColumn;
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
                    int coldMask = mask & ~(1 << bit[node]);
                    top++;
                    nodeStack[top] = goLeft ? right[node] : left[node];
                    maskStack[top] = coldMask;
                    top++;
                    nodeStack[top] = goLeft ? left[node] : right[node];
                    maskStack[top] = mask;
                    continue;
                }
                if (d == 0) {
                    continue;
                }
                int h = mask & ((1 << d) - 1);
                int offset = tableStart[node];
                int start = leafStart[node];
                double cold = table[offset + h];
                for (int i = 0; i < d; i++) {
                    int b = 1 << i;
                    if ((h & b) != 0) {
                        phi[leafColumn[start + i]] += leafFactor[start + i] * table[offset + (h ^ b)];
                    } else {
                        phi[leafColumn[start + i]] -= cold;
                    }
                }
            }
        }
    }
}
