package aero.severity.api.predict;

import java.util.List;

import aero.severity.domain.FlightFacts;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Up to {@value #MAX_FLIGHTS} flights in one request; answers come back in the same order. */
record BatchPredictionRequest(
        @ArraySchema(minItems = 1, maxItems = MAX_FLIGHTS, schema = @Schema(implementation = FlightFacts.class))
        @NotNull(message = "is required: a list of 1 to 100 flights")
        @Size(min = 1, max = MAX_FLIGHTS, message = "must hold 1 to 100 flights")
        List<@NotNull(message = "must not be null") @Valid FlightFacts> flights) {

    static final int MAX_FLIGHTS = 100;
}
