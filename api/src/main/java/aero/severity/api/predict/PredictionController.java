package aero.severity.api.predict;

import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import aero.severity.api.auth.Caller;
import aero.severity.api.ratelimit.RateLimitEnforcer;
import aero.severity.api.web.InvalidInputException;
import aero.severity.domain.FlightFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "predict", description = "Severity predictions")
class PredictionController {

    // The examples of the document (request bodies, the plain and the explained answer) are JSON files
    // in src/main/resources/openapi/examples, put on these operations by openapi.OperationExamples.

    static final String EXPLAIN =
            "true adds 'explanation': per class, the base value and the exact contribution of each"
                    + " request field to the class's raw score (log-odds before calibration), and the calibration that turns raw"
                    + " scores into the probabilities. Explained answers are cached apart from plain ones.";
    static final String EXPLAIN_TOP =
            "With explain=true: how many fields each class lists, largest magnitude first; the"
                    + " rest are summed as one 'other' entry. 0 lists every field.";

    private final Predictor predictor;
    private final RateLimitEnforcer rateLimits;
    private final int batchMaxSize;

    PredictionController(Predictor predictor, RateLimitEnforcer rateLimits, PredictionProperties properties) {
        this.predictor = predictor;
        this.rateLimits = rateLimits;
        this.batchMaxSize = properties.batchMaxSize();
    }

    @Operation(
            summary = "Predict the highest-injury severity of one flight",
            description =
                    "Only eventDate is required; every other fact may be left out when unknown. Codes are the NTSB"
                            + " codes (state CO, lightCondition DAYL, farPart 091, ...). Answers are cached per model version.")
    @PostMapping("/predict")
    @ApiResponse(
            responseCode = "200",
            description = "The prediction; with explain=true also its explanation",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = SeverityPrediction.class)))
    SeverityPrediction predict(
            @Valid @RequestBody FlightFacts facts,
            @Parameter(description = EXPLAIN, schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "explain", defaultValue = "false")
                    String explain,
            @Parameter(
                            description = EXPLAIN_TOP,
                            schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "5"))
                    @RequestParam(name = "explainTop", defaultValue = "5")
                    int explainTop) {
        return predictor.predict(facts, ExplainOption.of(explain, explainTop));
    }

    @Operation(
            summary = "Predict up to 100 flights at once",
            description = "Answers come back in request order. A batch counts one request per flight against the rate"
                    + " limit.")
    @PostMapping("/predict/batch")
    BatchPredictionResponse predictBatch(
            @Valid @RequestBody BatchPredictionRequest request,
            @Parameter(description = EXPLAIN, schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "explain", defaultValue = "false")
                    String explain,
            @Parameter(
                            description = EXPLAIN_TOP,
                            schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "5"))
                    @RequestParam(name = "explainTop", defaultValue = "5")
                    int explainTop,
            Authentication authentication,
            HttpServletResponse response) {
        ExplainOption explanation = ExplainOption.of(explain, explainTop);
        List<FlightFacts> flights = request.flights();
        if (flights.size() > batchMaxSize) {
            throw new InvalidInputException(
                    "flights", "must hold 1 to " + batchMaxSize + " flights, got " + flights.size());
        }
        if (flights.size() > 1) {
            // the rate-limit interceptor charged one already
            rateLimits.charge(Caller.of(authentication), flights.size() - 1L, response);
        }
        return new BatchPredictionResponse(predictor.predictAll(flights, explanation));
    }
}
