package aero.severity.api.predict;

import aero.severity.api.model.ModelRef;
import aero.severity.domain.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One prediction as the api answers it.
 *
 * @param severity   the predicted class (the model's tuned decision rule, not always the most probable class)
 * @param confidence the probability of {@code severity}
 * @param cached     true when the answer came from the prediction cache
 * @param explanation why, with {@code explain=true} only (left out of the JSON otherwise)
 */
@Schema(description = "A severity prediction")
public record SeverityPrediction(
        @Schema(
                example = "NONE",
                allowableValues = {"FATL", "SERS", "MINR", "NONE"})
        Severity severity,

        Probabilities probabilities,
        @Schema(example = "0.55") double confidence,
        ModelRef model,
        @Schema(example = "false") boolean cached,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Explanation explanation) {

    SeverityPrediction(
            Severity severity, Probabilities probabilities, double confidence, ModelRef model, boolean cached) {
        this(severity, probabilities, confidence, model, cached, null);
    }
}
