package aero.severity.ml.registry;

import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.serving.ModelId;
import org.jspecify.annotations.Nullable;

/**
 * The gate's verdict on a new version, with the figures it compared (both measured on the new
 * version's validation rows).
 */
public record PromotionDecision(boolean promote, String reason, @Nullable ModelId champion,
        @Nullable EvaluationReport challengerReport, @Nullable EvaluationReport championReport) {

    public String outcome() {
        return promote ? "champion" : "challenger";
    }
}
