package aero.severity.ml.model;

import java.util.List;
import java.util.Map;

import aero.severity.domain.Severity;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Scores through Tribuo's own {@code predict}: the reference the fast scorers are tested against,
 * and the fallback for a model family without a fast path. Each call builds an example by feature
 * name (and, for XGBoost, a native matrix), so it is slower.
 */
public final class TribuoScorer implements Scorer {

    private final Model<Label> model;
    private final List<String> featureNames;

    public TribuoScorer(Model<Label> model, List<String> featureNames) {
        this.model = model;
        this.featureNames = List.copyOf(featureNames);
    }

    @Override
    public double[] rawProbabilities(double[] encodedFeatures) {
        return toSeverityOrder(model.predict(TribuoExamples.unlabelled(featureNames, encodedFeatures)));
    }

    @Override
    public double[][] rawProbabilities(double[][] encodedRows) {
        List<Example<Label>> examples = new java.util.ArrayList<>(encodedRows.length);
        for (double[] row : encodedRows) {
            examples.add(TribuoExamples.unlabelled(featureNames, row));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] result = new double[predictions.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = toSeverityOrder(predictions.get(i));
        }
        return result;
    }

    private static double[] toSeverityOrder(Prediction<Label> prediction) {
        Map<String, Label> scores = prediction.getOutputScores();
        double[] p = new double[Severity.values().length];
        for (Severity severity : Severity.values()) {
            Label label = scores.get(severity.code());
            p[severity.index()] = label == null ? 0 : label.getScore();
        }
        return p;
    }
}
