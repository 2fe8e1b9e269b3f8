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
 * higher and ECE not worse. "Not worse" allows sampling noise and nothing more: at most
 * {@code eceTolerance} (0.005) above the champion's ECE. The ECE of a few thousand rows moves by
 * about that much from resampling alone, so a strict comparison would keep an equally calibrated,
 * better model out half the time on noise; a challenger calibrated clearly worse never passes, however
 * good its macro-F1. For a fair comparison both models go through the identical post-processing on
 * those rows (cross-fitted calibration and decision weights from their raw probabilities), so neither
 * is favoured by a calibration that was fitted on the rows it is judged on. Each model encodes the rows
 * with its own encoder.
 */
public final class PromotionGate {

    public static final double DEFAULT_ECE_TOLERANCE = 0.005;

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
        return judge(challengerReport, championReport, champion.id(), validation.size());
    }

    /** The rule itself, on the two models' figures for the same rows. */
    PromotionDecision judge(EvaluationReport challengerReport, EvaluationReport championReport, ModelId championId, int rows) {
        boolean betterF1 = challengerReport.macroF1() > championReport.macroF1();
        boolean eceNotWorse = challengerReport.ece() <= championReport.ece() + eceTolerance;
        String figures = String.format("macro-F1 %.4f vs champion %s %.4f, ECE %.4f vs %.4f (not worse: within +%.3f) on the same %d validation rows",
                challengerReport.macroF1(), label(championId), championReport.macroF1(), challengerReport.ece(),
                championReport.ece(), eceTolerance, rows);
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
        return new PromotionDecision(betterF1 && eceNotWorse, reason, championId, challengerReport, championReport);
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
