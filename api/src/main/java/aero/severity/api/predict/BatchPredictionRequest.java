package aero.severity.api.predict;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import aero.severity.domain.FlightFacts;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Flights to predict in one request (at most {@code severity.predict.batch-max-size}, 100 by
 * default, checked by the controller); answers come back in the same order.
 */
record BatchPredictionRequest(
        @ArraySchema(minItems = 1, maxItems = 100, schema = @Schema(implementation = FlightFacts.class))
        @NotNull(message = "is required: a list of flights")
        @Size(min = 1, message = "must hold at least one flight")
        List<@NotNull(message = "must not be null") @Valid FlightFacts> flights) {}
