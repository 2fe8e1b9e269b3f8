package aero.severity.ml.registry;

import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.serving.ModelId;
import org.jspecify.annotations.Nullable;

/**
 * The gate's verdict on a new version, with the figures it compared: both models on the new
 * version's validation rows, and both recipes at the most recent backtest horizon (null where the
 * gate could not measure it; {@code horizon} then says why).
 */
public record PromotionDecision(
        boolean promote,
        String reason,
        @Nullable ModelId champion,
        @Nullable EvaluationReport challengerReport,
        @Nullable EvaluationReport championReport,
        @Nullable EvaluationReport challengerHorizonReport,
        @Nullable EvaluationReport championHorizonReport,
        @Nullable String horizon) {

    public PromotionDecision(
            boolean promote,
            String reason,
            @Nullable ModelId champion,
            @Nullable EvaluationReport challengerReport,
            @Nullable EvaluationReport championReport) {
        this(promote, reason, champion, challengerReport, championReport, null, null, null);
    }

    public String outcome() {
        return promote ? "champion" : "challenger";
    }
}
