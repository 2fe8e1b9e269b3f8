package aero.severity.ml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import aero.severity.ml.serving.ScoreAttribution;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * TreeSHAP against the definition: exact Shapley values, by brute force over every coalition, of
 * {@code v(S) = E[f(x) | x_S]} with the expectation taken down the trees by cover, on hand-built
 * trees over 8 columns (one of which no tree splits on).
 */
class TreeShapTest {

    private static final int COLUMNS = 8;
    private static final int NEVER_SPLIT = 7;
    private static final int CLASSES = 4;

    /** A node of a hand-built tree; leaves have column -1. */
    private record Node(
            int column, float split, boolean defaultLeft, Node left, Node right, float value, float cover) {}

    @Test
    void contributionsEqualBruteForceShapleyValuesOnSmallTrees() {
        Random random = new Random(16);
        for (int ensemble = 0; ensemble < 5; ensemble++) {
            List<Node> trees = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                trees.add(randomTree(random, 1 + random.nextInt(4)));
                classes.add(t % CLASSES);
            }
            TreeEnsembleScorer scorer = scorer(trees, classes, 0.5f);
            for (int r = 0; r < 20; r++) {
                double[] x = randomRow(random);

                ScoreAttribution attribution = scorer.attribute(x);

                for (int k = 0; k < CLASSES; k++) {
                    double[] exact = bruteForceShapley(trees, classes, k, x);
                    for (int j = 0; j < COLUMNS; j++) {
                        assertThat(attribution.byColumn()[k][j])
                                .as("class %d column %d", k, j)
                                .isCloseTo(exact[j], within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void aColumnNoTreeSplitsOnGetsExactlyZero() {
        Random random = new Random(7);
        List<Node> trees = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            trees.add(randomTree(random, 4));
            classes.add(t % CLASSES);
        }
        TreeEnsembleScorer scorer = scorer(trees, classes, 0.5f);
        for (int r = 0; r < 50; r++) {
            double[] x = randomRow(random);
            x[NEVER_SPLIT] = 10 * random.nextGaussian();

            ScoreAttribution attribution = scorer.attribute(x);

            for (int k = 0; k < CLASSES; k++) {
                assertThat(attribution.byColumn()[k][NEVER_SPLIT]).isZero();
            }
        }
    }

    @Test
    void baseValuePlusContributionsIsTheRawScoreWhenAPathSplitsOneColumnTwice() {
        Random random = new Random(3);
        List<Node> trees = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            trees.add(randomTree(new Random(t), 6, 2)); // only 2 columns: every path repeats them
            classes.add(t % CLASSES);
        }
        TreeEnsembleScorer scorer = scorer(trees, classes, 0.5f);
        for (int r = 0; r < 100; r++) {
            double[] x = randomRow(random);

            ScoreAttribution attribution = scorer.attribute(x);
            double[] raw = scorer.rawScores(x);

            for (int k = 0; k < CLASSES; k++) {
                assertThat(attribution.rawScore(k)).isCloseTo(raw[k], within(1e-9));
            }
        }
    }

    @Test
    void theLeafByLeafAndThePathAlgorithmGiveTheSameContributions() {
        Random random = new Random(21);
        List<Node> trees = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            trees.add(randomTree(random, 1 + random.nextInt(6)));
            classes.add(t % CLASSES);
        }
        TreeEnsembleScorer scorer = scorer(trees, classes, 0.5f);
        for (int r = 0; r < 300; r++) {
            double[] x = randomRow(random);

            ScoreAttribution tables = scorer.attribute(x);
            ScoreAttribution paths = scorer.attributeAlongPaths(x);

            for (int k = 0; k < CLASSES; k++) {
                for (int j = 0; j < COLUMNS; j++) {
                    assertThat(tables.byColumn()[k][j])
                            .as("class %d column %d", k, j)
                            .isCloseTo(paths.byColumn()[k][j], within(1e-9));
                }
            }
        }
    }

    @Test
    void aDeepPathWithMoreDistinctColumnsThanADefaultTreeStillAddsUpAndAgreesWithThePathAlgorithm() {
        int columns = 16;
        Node chain = new Node(-1, 0, false, null, null, 1.5f, 2);
        for (int c = columns - 1; c >= 0; c--) {
            Node leaf = new Node(-1, 0, false, null, null, c - 3.0f, 1 + c);
            chain = c % 2 == 0
                    ? new Node(c, 0.1f * c, true, chain, leaf, 0, chain.cover + leaf.cover)
                    : new Node(c, 0.1f * c, false, leaf, chain, 0, chain.cover + leaf.cover);
        }
        TreeEnsembleScorer scorer = scorer(List.of(chain), List.of(0), 0.5f, columns);
        Random random = new Random(5);
        for (int r = 0; r < 50; r++) {
            double[] x = new double[columns];
            for (int j = 0; j < columns; j++) {
                x[j] = random.nextDouble() < 0.25 ? 0.0 : random.nextDouble() * 2;
            }

            ScoreAttribution attribution = scorer.attribute(x);
            ScoreAttribution paths = scorer.attributeAlongPaths(x);

            assertThat(attribution.rawScore(0)).isCloseTo(scorer.rawScores(x)[0], within(1e-9));
            for (int j = 0; j < columns; j++) {
                assertThat(attribution.byColumn()[0][j])
                        .as("column %d", j)
                        .isCloseTo(paths.byColumn()[0][j], within(1e-9));
            }
        }
    }

    @Test
    void aBranchNoTrainingRowReachedStillGivesExactValues() {
        // XGBoost never writes a zero cover, but the algorithm must not divide by one if it did.
        Node empty = new Node(-1, 0, false, null, null, 4.0f, 0);
        Node leaf = new Node(-1, 0, false, null, null, -1.0f, 10);
        Node tree = new Node(
                0,
                0.5f,
                false,
                new Node(1, 0.2f, true, empty, leaf, 0, 10),
                new Node(-1, 0, false, null, null, 2.0f, 5),
                0,
                15);
        TreeEnsembleScorer scorer = scorer(List.of(tree), List.of(0), 0.5f);
        for (double[] x :
                new double[][] {{0.1, 0.1, 0, 0, 0, 0, 0, 0}, {0.1, 0.9, 0, 0, 0, 0, 0, 0}, {0.9, 0.1, 0, 0, 0, 0, 0, 0}
                }) {
            double[] exact = bruteForceShapley(List.of(tree), List.of(0), 0, x);

            ScoreAttribution attribution = scorer.attribute(x);

            for (int j = 0; j < COLUMNS; j++) {
                assertThat(attribution.byColumn()[0][j]).as("column %d", j).isCloseTo(exact[j], within(1e-9));
            }
        }
    }

    // ---- brute force -----------------------------------------------------------------------------

    private static double[] bruteForceShapley(List<Node> trees, List<Integer> classes, int k, double[] x) {
        double[] phi = new double[COLUMNS];
        double[] factorial = new double[COLUMNS + 1];
        factorial[0] = 1;
        for (int i = 1; i <= COLUMNS; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        for (int i = 0; i < COLUMNS; i++) {
            for (int s = 0; s < (1 << COLUMNS); s++) {
                if ((s & (1 << i)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial[size] * factorial[COLUMNS - size - 1] / factorial[COLUMNS];
                phi[i] += weight * (value(trees, classes, k, x, s | (1 << i)) - value(trees, classes, k, x, s));
            }
        }
        return phi;
    }

    /** E[f_k(x) | x_S]: known columns follow the row, unknown ones average the branches by cover. */
    private static double value(List<Node> trees, List<Integer> classes, int k, double[] x, int known) {
        double sum = 0;
        for (int t = 0; t < trees.size(); t++) {
            if (classes.get(t) == k) {
                sum += expectation(trees.get(t), x, known);
            }
        }
        return sum;
    }

    private static double expectation(Node node, double[] x, int known) {
        if (node.column < 0) {
            return node.value;
        }
        if ((known & (1 << node.column)) != 0) {
            double v = x[node.column];
            boolean goLeft = v == 0.0 ? node.defaultLeft : (float) v < node.split;
            return expectation(goLeft ? node.left : node.right, x, known);
        }
        return (node.left.cover * expectation(node.left, x, known)
                        + node.right.cover * expectation(node.right, x, known))
                / node.cover;
    }

    // ---- hand-built trees in XGBoost's JSON ------------------------------------------------------------

    private static Node randomTree(Random random, int depth) {
        return randomTree(random, depth, NEVER_SPLIT);
    }

    private static Node randomTree(Random random, int depth, int columns) {
        if (depth == 0 || random.nextDouble() < 0.15) {
            return new Node(-1, 0, false, null, null, (float) random.nextGaussian(), 1 + random.nextInt(50));
        }
        Node left = randomTree(random, depth - 1, columns);
        Node right = randomTree(random, depth - 1, columns);
        return new Node(
                random.nextInt(columns),
                (float) random.nextGaussian(),
                random.nextBoolean(),
                left,
                right,
                0,
                left.cover + right.cover);
    }

    private static double[] randomRow(Random random) {
        double[] x = new double[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            x[j] = random.nextDouble() < 0.25 ? 0.0 : random.nextGaussian();
        }
        return x;
    }

    static TreeEnsembleScorer scorer(List<Node> trees, List<Integer> classes, float baseScore) {
        return scorer(trees, classes, baseScore, COLUMNS);
    }

    static TreeEnsembleScorer scorer(List<Node> trees, List<Integer> classes, float baseScore, int columns) {
        StringBuilder json = new StringBuilder("{\"learner\":{\"learner_model_param\":{\"num_class\":\"" + CLASSES
                + "\",\"base_score\":\"" + baseScore + "\"},\"gradient_booster\":{\"model\":{\"tree_info\":" + classes
                + ",\"trees\":[");
        for (int t = 0; t < trees.size(); t++) {
            json.append(t == 0 ? "" : ",").append(treeJson(trees.get(t)));
        }
        json.append("]}}}}");
        int[] identity = new int[columns];
        for (int j = 0; j < columns; j++) {
            identity[j] = j;
        }
        return TreeEnsembleScorer.parse(
                JsonMapper.builder().build().readTree(json.toString()), identity, new int[] {0, 1, 2, 3});
    }

    private static String treeJson(Node root) {
        List<Node> nodes = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        number(root, nodes, children);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        StringBuilder split = new StringBuilder();
        StringBuilder condition = new StringBuilder();
        StringBuilder defaults = new StringBuilder();
        StringBuilder hessian = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String comma = i == 0 ? "" : ",";
            left.append(comma).append(children.get(i)[0]);
            right.append(comma).append(children.get(i)[1]);
            split.append(comma).append(Math.max(0, node.column));
            condition.append(comma).append(node.column < 0 ? node.value : node.split);
            defaults.append(comma).append(node.defaultLeft ? 1 : 0);
            hessian.append(comma).append(node.cover);
        }
        return "{\"left_children\":[" + left + "],\"right_children\":[" + right + "],\"split_indices\":[" + split
                + "],\"split_conditions\":[" + condition + "],\"default_left\":[" + defaults + "],\"sum_hessian\":["
                + hessian + "]}";
    }

    private static int number(Node node, List<Node> nodes, List<int[]> children) {
        int id = nodes.size();
        nodes.add(node);
        int[] pair = {-1, -1};
        children.add(pair);
        if (node.column >= 0) {
            pair[0] = number(node.left, nodes, children);
            pair[1] = number(node.right, nodes, children);
        }
        return id;
    }
}
