package aero.severity.api.predict;

import aero.severity.api.model.ModelRef;
import aero.severity.domain.Severity;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param severity   the predicted class (the model's tuned decision rule, not always the most probable class)
 * @param confidence the probability of {@code severity}
 * @param cached     true when the answer came from the prediction cache
 */
@Schema(description = "A severity prediction")
public record SeverityPrediction(
        @Schema(example = "NONE", allowableValues = {"FATL", "SERS", "MINR", "NONE"}) Severity severity,
        Probabilities probabilities,
        @Schema(example = "0.55") double confidence,
        ModelRef model,
        @Schema(example = "false") boolean cached) {
}
