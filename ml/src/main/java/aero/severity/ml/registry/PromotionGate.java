package aero.severity.ml.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import aero.severity.features.FeatureEncoder;
import aero.severity.ml.backtest.Backtest;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.model.BundleMetadata;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.model.PostProcessing;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.jspecify.annotations.Nullable;

/**
 * A new version replaces the champion only if it is better on the same validation rows (macro-F1
 * higher and ECE not worse) and, where the data allows it, not worse at the most recent backtest
 * horizon: both recipes retrained at the cutoff whose horizon 3-4 is the new version's validation
 * years, scored there with their own shipped calibration (Brier within {@code brierTolerance},
 * 0.002, and ECE within {@code eceTolerance} of the champion's). That is how the probabilities of
 * each recipe hold two to four years after they were fitted, on the most recent rows there are.
 * On the validation years: macro-F1 higher and ECE not worse. "Not worse" allows sampling noise and nothing more: at most
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
    /** The Brier score of two models on the same few thousand rows differs by about this much on resampling. */
    public static final double DEFAULT_BRIER_TOLERANCE = 0.002;

    private final int folds;
    private final long seed;
    private final double eceTolerance;
    private final double brierTolerance;

    public PromotionGate(int folds, long seed, double eceTolerance) {
        this.folds = folds;
        this.seed = seed;
        this.eceTolerance = eceTolerance;
        this.brierTolerance = DEFAULT_BRIER_TOLERANCE;
    }

    /**
     * Both recipes at the most recent backtest horizon, on the same rows. Either report is null when
     * the gate could not measure it; {@code description} says which horizon it is or why it is missing.
     */
    public record Horizon(
            @Nullable EvaluationReport challenger, @Nullable EvaluationReport champion, String description) {

        public static Horizon notMeasured(String why) {
            return new Horizon(null, null, why);
        }

        boolean measured() {
            return challenger != null && champion != null;
        }

        /**
         * Both recipes (each bundle's saved hyperparameters and the inputs its encoder reads) retrained
         * at the most recent backtest cutoff the challenger's window allows, on {@code data}, and scored
         * on {@code rows}, the challenger's validation rows.
         */
        public static Horizon measure(
                ModelTrainer trainer,
                TrainingSet data,
                ModelBundle challenger,
                ModelBundle champion,
                List<LabelledEvent> rows,
                Consumer<String> progress) {
            TimeSplit split = splitOf(challenger.metadata());
            TrainingOptions challengerRecipe;
            TrainingOptions championRecipe;
            try {
                challengerRecipe = recipeOf(challenger, split);
                championRecipe = recipeOf(champion, split);
            } catch (IllegalArgumentException e) {
                return notMeasured("a recipe cannot be read back from its saved parameters: " + e.getMessage());
            }
            Backtest backtest = new Backtest(trainer);
            long started = System.nanoTime();
            Backtest.Recent ours = backtest.recentHorizon(data, challengerRecipe, rows);
            Backtest.Recent theirs = backtest.recentHorizon(data, championRecipe, rows);
            progress.accept(String.format(
                    "gate: both recipes at the recent horizon (%s) in %.1f s",
                    ours.description(), (System.nanoTime() - started) / 1e9));
            return new Horizon(
                    ours.report(),
                    theirs.report(),
                    ours.report() == null
                            ? ours.description()
                            : theirs.report() == null ? theirs.description() : ours.description());
        }

        /** The training window a bundle was trained and validated on. */
        static TimeSplit splitOf(BundleMetadata metadata) {
            String from = metadata.hyperparameters().get("train_from_year");
            return new TimeSplit(
                    from == null ? Integer.MIN_VALUE : Integer.parseInt(from),
                    metadata.trainUntilYear(),
                    metadata.validationToYear() - metadata.validationFromYear() + 1);
        }

        /** How a bundle was trained: its saved hyperparameters, and the inputs its encoder reads (the others left out). */
        static TrainingOptions recipeOf(ModelBundle bundle, TimeSplit split) {
            Set<String> without = new HashSet<>(FeatureEncoder.inputNames());
            bundle.encoder().inputs().forEach(without::remove);
            return TrainingOptions.fromParameters(bundle.metadata().hyperparameters(), split)
                    .withoutInputs(without);
        }
    }

    public PromotionGate(int folds, long seed) {
        this(folds, seed, DEFAULT_ECE_TOLERANCE);
    }

    public PromotionDecision decide(
            CalibratedModel challenger, @Nullable CalibratedModel champion, List<LabelledEvent> validation) {
        return decide(challenger, champion, validation, Horizon.notMeasured("not asked for"));
    }

    public PromotionDecision decide(
            CalibratedModel challenger,
            @Nullable CalibratedModel champion,
            List<LabelledEvent> validation,
            Horizon horizon) {
        EvaluationReport challengerReport = evaluate(challenger, validation);
        if (champion == null) {
            return new PromotionDecision(
                    true,
                    String.format(
                            "no champion yet; macro-F1 %.4f, ECE %.4f on %d validation rows",
                            challengerReport.macroF1(), challengerReport.ece(), validation.size()),
                    null,
                    challengerReport,
                    null,
                    horizon.challenger(),
                    null,
                    horizon.description());
        }
        EvaluationReport championReport = evaluate(champion, validation);
        return judge(challengerReport, championReport, champion.id(), validation.size(), horizon);
    }

    /** The rule on the validation years alone (as before the horizon existed). */
    PromotionDecision judge(
            EvaluationReport challengerReport, EvaluationReport championReport, ModelId championId, int rows) {
        return judge(challengerReport, championReport, championId, rows, Horizon.notMeasured("not asked for"));
    }

    /** The rule itself, on the two models' figures for the same rows, and the two recipes' at the recent horizon. */
    PromotionDecision judge(
            EvaluationReport challengerReport,
            EvaluationReport championReport,
            ModelId championId,
            int rows,
            Horizon horizon) {
        PromotionDecision onValidation = judgeValidation(challengerReport, championReport, championId, rows);
        if (!horizon.measured()) {
            return new PromotionDecision(
                    onValidation.promote(),
                    onValidation.reason() + "; recent horizon not measured: " + horizon.description(),
                    championId,
                    challengerReport,
                    championReport,
                    horizon.challenger(),
                    horizon.champion(),
                    horizon.description());
        }
        EvaluationReport ch = horizon.challenger();
        EvaluationReport cp = horizon.champion();
        boolean brierNotWorse = ch.brier() <= cp.brier() + brierTolerance;
        boolean eceNotWorse = ch.ece() <= cp.ece() + eceTolerance;
        String figures = String.format(
                "at the recent horizon (%s) Brier %.4f vs %.4f (within +%.3f), ECE %.4f vs %.4f "
                        + "(within +%.3f) on the same %d rows",
                horizon.description(),
                ch.brier(),
                cp.brier(),
                brierTolerance,
                ch.ece(),
                cp.ece(),
                eceTolerance,
                ch.rows());
        boolean promote = onValidation.promote() && brierNotWorse && eceNotWorse;
        String reason;
        if (!onValidation.promote()) {
            reason = onValidation.reason() + "; " + figures;
        } else if (promote) {
            reason = onValidation.reason() + "; not worse " + figures;
        } else {
            reason = "stays challenger: "
                    + (!brierNotWorse && !eceNotWorse ? "Brier and ECE" : !brierNotWorse ? "Brier" : "ECE") + " worse "
                    + figures + "; on the validation years it " + onValidation.reason();
        }
        return new PromotionDecision(
                promote, reason, championId, challengerReport, championReport, ch, cp, horizon.description());
    }

    private PromotionDecision judgeValidation(
            EvaluationReport challengerReport, EvaluationReport championReport, ModelId championId, int rows) {
        boolean betterF1 = challengerReport.macroF1() > championReport.macroF1();
        boolean eceNotWorse = challengerReport.ece() <= championReport.ece() + eceTolerance;
        String figures = String.format(
                "macro-F1 %.4f vs champion %s %.4f, ECE %.4f vs %.4f (not worse: within +%.3f) on the same %d validation rows",
                challengerReport.macroF1(),
                label(championId),
                championReport.macroF1(),
                challengerReport.ece(),
                championReport.ece(),
                eceTolerance,
                rows);
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
            truth[i] = event.severity().index();
        }
        return PostProcessing.crossFit(raw, truth, folds, seed).report();
    }

    private static String label(ModelId id) {
        return "v" + id.version();
    }
}
