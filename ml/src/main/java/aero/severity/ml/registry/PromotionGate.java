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
 * higher and ECE not worse. "Not worse" means: at most {@code eceTolerance} above the champion's,
 * or within the calibration goal ({@code eceGoal}, 0.02) anyway. The ECE of a few thousand rows moves
 * by about a hundredth from sampling alone, and a near-constant weak model is trivially well
 * calibrated, so a strict comparison would keep clearly better, well-calibrated models out on
 * noise; a challenger that is badly calibrated still never passes. For a fair comparison both models go through the identical
 * post-processing on those rows (cross-fitted calibration and decision weights from their raw
 * probabilities), so neither is favoured by a calibration that was fitted on the rows it is judged
 * on. Each model encodes the rows with its own encoder.
 */
public final class PromotionGate {

    public static final double DEFAULT_ECE_TOLERANCE = 0.005;
    public static final double DEFAULT_ECE_GOAL = 0.02;

    private final int folds;
    private final long seed;
    private final double eceTolerance;
    private final double eceGoal;

    public PromotionGate(int folds, long seed, double eceTolerance, double eceGoal) {
        this.folds = folds;
        this.seed = seed;
        this.eceTolerance = eceTolerance;
        this.eceGoal = eceGoal;
    }

    public PromotionGate(int folds, long seed) {
        this(folds, seed, DEFAULT_ECE_TOLERANCE, DEFAULT_ECE_GOAL);
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
        boolean eceNotWorse = challengerReport.ece() <= championReport.ece() + eceTolerance || challengerReport.ece() <= eceGoal;
        String figures = String.format("macro-F1 %.4f vs champion %s %.4f, ECE %.4f vs %.4f (not worse: within +%.3f or <= %.3f) on the same %d validation rows",
                challengerReport.macroF1(), label(championId), championReport.macroF1(), challengerReport.ece(),
                championReport.ece(), eceTolerance, eceGoal, rows);
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
