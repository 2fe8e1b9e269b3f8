package aero.severity.ml.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import aero.severity.domain.Severity;
import aero.severity.ml.serving.ScoreAttribution;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates the trees of a trained XGBoost model in plain Java. Going through Tribuo and the
 * XGBoost native library costs an example built by feature name and a native matrix per call; here
 * one prediction is a walk down each tree over a flat array, with no allocation but the result.
 *
 * <p>It reproduces XGBoost's rules exactly: values are compared as 32-bit floats
 * ({@code x < split} goes left), an absent feature (zero, see {@link TribuoExamples}) follows the
 * tree's default branch, leaf values are summed in float per class from the base score, and the
 * class margins go through a softmax. {@code TreeEnsembleScorerTest} checks it against Tribuo.
 */
public final class TreeEnsembleScorer implements ExplainableScorer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int classes;
    private final float baseScore;
    /** All trees' nodes in flat arrays (one walk touches few cache lines); node ids are global. */
    private final int[] root;

    private final int[] treeClass;
    private final int[] left;
    private final int[] right;
    private final int[] column;
    private final float[] value;
    private final boolean[] defaultLeft;
    /** Training rows' hessian sum per node (XGBoost's {@code sum_hessian}): TreeSHAP's weights. */
    private final float[] cover;
    /** cover[node] / cover[parent]: the zero fractions TreeSHAP needs at every edge, divided once here. */
    private final double[] coverFraction;
    /** Per class: base score plus each tree's expected value under its cover. */
    private final double[] expectedRawScore;

    private final int maxDepth;
    /** Each leaf's path columns and zero fractions, for explanations (about 2 MiB for the 800-tree champion). */
    private final FastTreeShap shap;

    private record Tree(
            int severity, int[] left, int[] right, int[] column, float[] value, boolean[] defaultLeft, float[] cover) {}

    private TreeEnsembleScorer(int classes, float baseScore, Tree[] trees) {
        this.classes = classes;
        this.baseScore = baseScore;
        int nodes = 0;
        for (Tree tree : trees) {
            nodes += tree.left.length;
        }
        this.root = new int[trees.length];
        this.treeClass = new int[trees.length];
        this.left = new int[nodes];
        this.right = new int[nodes];
        this.column = new int[nodes];
        this.value = new float[nodes];
        this.defaultLeft = new boolean[nodes];
        this.cover = new float[nodes];
        int offset = 0;
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            root[t] = offset;
            treeClass[t] = tree.severity;
            for (int i = 0; i < tree.left.length; i++) {
                boolean leaf = tree.left[i] == -1;
                left[offset + i] = leaf ? -1 : offset + tree.left[i];
                right[offset + i] = leaf ? -1 : offset + tree.right[i];
                column[offset + i] = tree.column[i];
                value[offset + i] = tree.value[i];
                defaultLeft[offset + i] = tree.defaultLeft[i];
                cover[offset + i] = tree.cover[i];
            }
            offset += tree.left.length;
        }
        this.expectedRawScore = new double[classes];
        java.util.Arrays.fill(expectedRawScore, baseScore);
        int deepest = 0;
        for (int t = 0; t < root.length; t++) {
            expectedRawScore[treeClass[t]] += TreeShap.expectedValue(root[t], left, right, value, cover);
            deepest = Math.max(deepest, depth(root[t]));
        }
        this.maxDepth = deepest;
        this.coverFraction = TreeShap.coverFractions(left, right, cover);
        this.shap = new FastTreeShap(root, treeClass, left, right, column, value, defaultLeft, coverFraction, maxDepth);
    }

    private int depth(int node) {
        return left[node] == -1 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /**
     * The trees of a trained Tribuo XGBoost model, flattened for the Java walk.
     *
     * @param featureNames the encoder's feature names: the scorer reads encoded rows in that order
     */
    public static TreeEnsembleScorer of(XGBoostModel<Label> model, List<String> featureNames) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1) {
            throw new IllegalArgumentException("expected one multi-class booster, found " + boosters.size());
        }
        String json;
        try {
            json = new String(boosters.get(0).toByteArray("json"), StandardCharsets.UTF_8);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not export the trees: " + e.getMessage(), e);
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int[] columnOfFeatureId = new int[features.size()];
        java.util.Arrays.fill(columnOfFeatureId, -1);
        for (int column = 0; column < featureNames.size(); column++) {
            int id = features.getID(featureNames.get(column));
            if (id >= 0) {
                columnOfFeatureId[id] = column;
            }
        }
        int[] outputIds = TribuoExamples.outputIds(model);
        int[] severityOfOutputId = new int[outputIds.length];
        for (int severity = 0; severity < outputIds.length; severity++) {
            severityOfOutputId[outputIds[severity]] = severity;
        }
        return parse(JSON.readTree(json), columnOfFeatureId, severityOfOutputId);
    }

    /** Package-private for tests that build trees by hand in XGBoost's JSON. */
    static TreeEnsembleScorer parse(JsonNode root, int[] columnOfFeatureId, int[] severityOfOutputId) {
        JsonNode learner = root.get("learner");
        JsonNode parameters = learner.get("learner_model_param");
        int classes = Integer.parseInt(text(parameters.get("num_class")));
        if (classes != Severity.values().length) {
            throw new IllegalStateException(
                    "expected a " + Severity.values().length + "-class model, found " + classes);
        }
        float baseScore = Float.parseFloat(text(parameters.get("base_score")));
        JsonNode model = learner.get("gradient_booster").get("model");
        JsonNode treeInfo = model.get("tree_info");
        JsonNode treeNodes = model.get("trees");
        List<Tree> trees = new ArrayList<>(treeNodes.size());
        for (int t = 0; t < treeNodes.size(); t++) {
            JsonNode tree = treeNodes.get(t);
            int[] left = ints(tree.get("left_children"));
            int[] right = ints(tree.get("right_children"));
            int[] splitIndex = ints(tree.get("split_indices"));
            JsonNode conditions = tree.get("split_conditions");
            JsonNode defaults = tree.get("default_left");
            JsonNode hessians = tree.get("sum_hessian");
            int n = left.length;
            float[] cover = new float[n];
            int[] column = new int[n];
            float[] value = new float[n];
            boolean[] defaultLeft = new boolean[n];
            for (int i = 0; i < n; i++) {
                value[i] = (float) conditions.get(i).asDouble();
                JsonNode d = defaults.get(i);
                defaultLeft[i] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
                cover[i] = hessians == null ? 1f : (float) hessians.get(i).asDouble();
                if (left[i] != -1) {
                    int featureId = splitIndex[i];
                    column[i] = featureId < columnOfFeatureId.length ? columnOfFeatureId[featureId] : -1;
                    if (column[i] < 0) {
                        throw new IllegalStateException("tree " + t + " splits on feature id " + featureId
                                + ", which the encoder does not produce");
                    }
                }
            }
            trees.add(new Tree(
                    severityOfOutputId[treeInfo.get(t).asInt()], left, right, column, value, defaultLeft, cover));
        }
        return new TreeEnsembleScorer(classes, baseScore, trees.toArray(Tree[]::new));
    }

    public int treeCount() {
        return root.length;
    }

    @Override
    public double[] rawProbabilities(double[] encodedFeatures) {
        float[] margin = new float[classes];
        java.util.Arrays.fill(margin, baseScore);
        int[] left = this.left;
        int[] right = this.right;
        int[] column = this.column;
        float[] value = this.value;
        boolean[] defaultLeft = this.defaultLeft;
        for (int t = 0; t < root.length; t++) {
            int node = root[t];
            while (left[node] != -1) {
                double x = encodedFeatures[column[node]];
                boolean goLeft = x == 0.0 ? defaultLeft[node] : (float) x < value[node];
                node = goLeft ? left[node] : right[node];
            }
            margin[treeClass[t]] += value[node];
        }
        return softmax(margin);
    }

    /**
     * The raw scores (softmax inputs) summed in double: what {@link #attribute} takes apart. The served
     * probabilities sum in float, as XGBoost does; the two differ by float rounding (about 1e-6).
     */
    public double[] rawScores(double[] encodedFeatures) {
        double[] margin = new double[classes];
        java.util.Arrays.fill(margin, baseScore);
        for (int t = 0; t < root.length; t++) {
            int node = root[t];
            while (left[node] != -1) {
                double x = encodedFeatures[column[node]];
                boolean goLeft = x == 0.0 ? defaultLeft[node] : (float) x < value[node];
                node = goLeft ? left[node] : right[node];
            }
            margin[treeClass[t]] += value[node];
        }
        return margin;
    }

    /**
     * Path-dependent TreeSHAP: exact, in raw-score space, base values = the cover-weighted expected
     * score; computed leaf by leaf ({@link FastTreeShap}).
     */
    @Override
    public ScoreAttribution attribute(double[] encodedFeatures) {
        double[][] contributions = new double[classes][encodedFeatures.length];
        shap.addAll(encodedFeatures, contributions);
        return ScoreAttribution.uncalibrated(expectedRawScore.clone(), contributions);
    }

    /** The same values by Lundberg's Algorithm 2 ({@link TreeShap}): the reference tests hold the fast one to. */
    ScoreAttribution attributeAlongPaths(double[] encodedFeatures) {
        double[][] contributions = new double[classes][encodedFeatures.length];
        TreeShap paths = new TreeShap(left, right, column, value, defaultLeft, coverFraction, maxDepth);
        for (int t = 0; t < root.length; t++) {
            paths.addTree(root[t], encodedFeatures, contributions[treeClass[t]]);
        }
        return ScoreAttribution.uncalibrated(expectedRawScore.clone(), contributions);
    }

    private static double[] softmax(float[] margin) {
        double max = Double.NEGATIVE_INFINITY;
        for (float m : margin) {
            max = Math.max(max, m);
        }
        double[] p = new double[margin.length];
        double sum = 0;
        for (int k = 0; k < margin.length; k++) {
            p[k] = Math.exp(margin[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static int[] ints(JsonNode array) {
        int[] result = new int[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).asInt();
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node.isNumber() ? String.valueOf(node.asDouble()) : node.asString();
    }
}
