package aero.severity.api.model;

import aero.severity.ml.serving.ModelId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The model version that produced an answer, as clients see it. */
@Schema(description = "Registered model version")
public record ModelRef(
        @Schema(example = "accident-severity") String name,
        @Schema(example = "7") String version,

        @Schema(example = "8f2c1d0e4b7a4e6f9a3b2c1d0e4b7a4e", nullable = true) @Nullable
        String runId) {

    static ModelRef of(ModelId id) {
        return new ModelRef(id.name(), id.version(), id.runId());
    }
}
