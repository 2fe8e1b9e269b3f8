package aero.severity.ml.model;

import java.util.ArrayList;
import java.util.List;

import aero.severity.domain.Severity;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Encoded features as Tribuo examples. A zero is left out of the example: Tribuo then hands XGBoost
 * a sparse row in which the absent entry is "missing" and follows the branch the tree learned for
 * it; the one-hot columns are mostly zero, so rows are ~10x smaller and training is faster. Every
 * scorer here applies the same rule (zero = absent), so training and serving agree.
 */
public final class TribuoExamples {

    private TribuoExamples() {}

    public static Example<Label> example(List<String> featureNames, double[] encoded, Label output, float weight) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int j = 0; j < encoded.length; j++) {
            if (encoded[j] != 0.0) {
                names.add(featureNames.get(j));
                values.add(encoded[j]);
            }
        }
        double[] primitive = new double[values.size()];
        for (int j = 0; j < primitive.length; j++) {
            primitive[j] = values.get(j);
        }
        ArrayExample<Label> example = new ArrayExample<>(output, names.toArray(String[]::new), primitive);
        example.setWeight(weight);
        return example;
    }

    public static Example<Label> unlabelled(List<String> featureNames, double[] encoded) {
        return example(featureNames, encoded, LabelFactory.UNKNOWN_LABEL, 1f);
    }

    public static Label label(Severity severity) {
        return new Label(severity.code());
    }

    /** Tribuo's output id of each severity, indexed by {@link Severity#index()}. */
    public static int[] outputIds(Model<Label> model) {
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int[] ids = new int[Severity.values().length];
        for (Severity severity : Severity.values()) {
            int id = info.getID(label(severity));
            if (id < 0) {
                throw new IllegalStateException("the model does not know class " + severity.code()
                        + "; it was trained without a single " + severity.code() + " event");
            }
            ids[severity.index()] = id;
        }
        return ids;
    }
}
