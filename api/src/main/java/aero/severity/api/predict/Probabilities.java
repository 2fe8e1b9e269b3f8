package aero.severity.api.predict;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Calibrated probability of each NTSB highest-injury class; they sum to 1. */
@Schema(description = "Calibrated probability of each highest-injury class (sums to 1)")
public record Probabilities(
        @JsonProperty("FATL") @Schema(example = "0.18") double fatal,
        @JsonProperty("SERS") @Schema(example = "0.11") double serious,
        @JsonProperty("MINR") @Schema(example = "0.16") double minor,
        @JsonProperty("NONE") @Schema(example = "0.55") double none) {

    static Probabilities of(double[] byOrdinal) {
        return new Probabilities(byOrdinal[0], byOrdinal[1], byOrdinal[2], byOrdinal[3]);
    }
}
