package aero.severity.ml.registry;

import java.util.List;

import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.PostProcessing;
import aero.severity.ml.serving.ModelId;
import org.jspecify.annotations.Nullable;

/**
 * A new version replaces the champion only if it is better on the same validation rows: macro-F1
 * higher and ECE not worse. "Not worse" allows {@code eceTolerance}: the ECE of a few thousand rows
 * moves by about a hundredth from sampling alone, and a near-constant weak model is easily well
 * calibrated, so a strict comparison would keep clearly better models out on noise. For a fair comparison both models go through the identical
 * post-processing on those rows (cross-fitted calibration and decision weights from their raw
 * probabilities), so neither is favoured by a calibration that was fitted on the rows it is judged
 * on. Each model encodes the rows with its own encoder.
 */
public final class PromotionGate {

    public static final double DEFAULT_ECE_TOLERANCE = 0.01;

    private final int folds;
    private final long seed;
    private final double eceTolerance;

    public PromotionGate(int folds, long seed, double eceTolerance) {
        this.folds = folds;
        this.seed = seed;
        this.eceTolerance = eceTolerance;
    }

    public PromotionGate(int folds, long seed) {
        this(folds, seed, DEFAULT_ECE_TOLERANCE);
    }

    public PromotionDecision decide(CalibratedModel challenger, @Nullable CalibratedModel champion,
            List<LabelledEvent> validation) {
        EvaluationReport challengerReport = evaluate(challenger, validation);
        if (champion == null) {
            return new PromotionDecision(true, String.format("no champion yet; macro-F1 %.4f, ECE %.4f on %d validation rows",
                    challengerReport.macroF1(), challengerReport.ece(), validation.size()), null, challengerReport, null);
        }
        EvaluationReport championReport = evaluate(champion, validation);
        boolean betterF1 = challengerReport.macroF1() > championReport.macroF1();
        boolean eceNotWorse = challengerReport.ece() <= championReport.ece() + eceTolerance;
        String figures = String.format("macro-F1 %.4f vs champion %s %.4f, ECE %.4f vs %.4f (tolerance %.3f) on the same %d validation rows",
                challengerReport.macroF1(), label(champion.id()), championReport.macroF1(), challengerReport.ece(),
                championReport.ece(), eceTolerance, validation.size());
        String reason;
        if (betterF1 && eceNotWorse) {
            reason = "beats the champion: " + figures;
        } else if (!betterF1 && !eceNotWorse) {
            reason = "stays challenger: macro-F1 not higher and ECE worse: " + figures;
        } else if (!betterF1) {
            reason = "stays challenger: macro-F1 not higher: " + figures;
        } else {
            reason = "stays challenger: ECE worse: " + figures;
        }
        return new PromotionDecision(betterF1 && eceNotWorse, reason, champion.id(), challengerReport, championReport);
    }

    EvaluationReport evaluate(CalibratedModel model, List<LabelledEvent> validation) {
        double[][] raw = new double[validation.size()][];
        int[] truth = new int[validation.size()];
        for (int i = 0; i < raw.length; i++) {
            LabelledEvent event = validation.get(i);
            raw[i] = model.rawProbabilities(model.encoder().encode(event.facts()));
            truth[i] = event.severity().ordinal();
        }
        return PostProcessing.crossFit(raw, truth, folds, seed).report();
    }

    private static String label(ModelId id) {
        return "v" + id.version();
    }
}
