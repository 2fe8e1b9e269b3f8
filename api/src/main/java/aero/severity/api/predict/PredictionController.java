package aero.severity.api.predict;

import java.util.List;

import aero.severity.api.auth.Caller;
import aero.severity.api.ratelimit.RateLimitEnforcer;
import aero.severity.api.web.InvalidInputException;
import aero.severity.domain.FlightFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

    static final String EXAMPLE_FLIGHT = """
            {
              "eventDate": "2019-07-14",
              "localHour": 15,
              "latitude": 39.8617,
              "longitude": -104.6731,
              "state": "CO",
              "country": "USA",
              "lightCondition": "DAYL",
              "weatherCondition": "VMC",
              "windSpeedKts": 12,
              "windGustKts": 20,
              "visibilityMiles": 10,
              "temperatureC": 31,
              "densityAltitudeFt": 8400,
              "aircraftCategory": "AIR",
              "make": "Cessna",
              "amateurBuilt": false,
              "engineCount": 1,
              "engineType": "REC",
              "maxGrossWeightLbs": 2550,
              "aircraftYear": 1978,
              "farPart": "091",
              "flightPurpose": "PERS",
              "flightPhase": "TAKEOFF",
              "pilotAge": 54,
              "pilotCertificate": "PRI",
              "pilotTotalHours": 420,
              "pilotMakeModelHours": 130,
              "aircraftModel": "172N",
              "registrationNumber": "N734GA",
              "nearestAirportId": "APA",
              "airportDistanceMiles": 0,
              "operatorName": null
            }""";

    static final String EXAMPLE_ANSWER = """
            {"severity":"NONE","probabilities":{"FATL":0.12,"SERS":0.09,"MINR":0.17,"NONE":0.62},"confidence":0.62,
             "model":{"name":"accident-severity","version":"7","runId":"8f2c1d0e9b7a4c3e8f2c1d0e9b7a4c3e"},"cached":false}""";

    static final String EXAMPLE_EXPLAINED = """
            {"severity":"NONE","probabilities":{"FATL":0.12,"SERS":0.09,"MINR":0.17,"NONE":0.62},"confidence":0.62,
             "model":{"name":"accident-severity","version":"7","runId":"8f2c1d0e9b7a4c3e8f2c1d0e9b7a4c3e"},"cached":false,
             "explanation":{
              "classes":{
               "FATL":{"baseValue":-0.31,"rawScore":-0.97,"contributions":[
                 {"field":"flightPhase","value":"TAKEOFF","missing":false,"contribution":-0.52},
                 {"field":"weatherCondition","value":"VMC","missing":false,"contribution":-0.21},
                 {"field":"other","missing":false,"contribution":0.07,"fields":25}]},
               "SERS":{"baseValue":-0.48,"rawScore":-0.55,"contributions":[
                 {"field":"flightPhase","value":"TAKEOFF","missing":false,"contribution":0.11},
                 {"field":"pilotTotalHours","value":"420.0","missing":false,"contribution":-0.09},
                 {"field":"other","missing":false,"contribution":-0.09,"fields":25}]},
               "MINR":{"baseValue":-0.62,"rawScore":-0.41,"contributions":[
                 {"field":"eventDate","value":"2019-07-14","missing":false,"contribution":0.14},
                 {"field":"make","value":"Cessna","missing":false,"contribution":0.05},
                 {"field":"other","missing":false,"contribution":0.02,"fields":25}]},
               "NONE":{"baseValue":0.48,"rawScore":0.93,"contributions":[
                 {"field":"flightPhase","value":"TAKEOFF","missing":false,"contribution":0.33},
                 {"field":"pilotMakeModelHours","value":"130.0","missing":false,"contribution":0.08},
                 {"field":"other","missing":false,"contribution":0.04,"fields":25}]}},
              "calibration":{"temperature":1.08,"bias":{"FATL":0.31,"SERS":-0.12,"MINR":0.05,"NONE":0.0},
               "logits":{"FATL":-0.59,"SERS":-0.63,"MINR":-0.33,"NONE":0.86}}}}""";

    static final String EXPLAIN = "true adds 'explanation': per class, the base value and the exact contribution of each"
            + " request field to the class's raw score (log-odds before calibration), and the calibration that turns raw"
            + " scores into the probabilities. Explained answers are cached apart from plain ones.";
    static final String EXPLAIN_TOP = "With explain=true: how many fields each class lists, largest magnitude first; the"
            + " rest are summed as one 'other' entry. 0 lists every field.";

    private final Predictor predictor;
    private final RateLimitEnforcer rateLimits;
    private final int batchMaxSize;

    PredictionController(Predictor predictor, RateLimitEnforcer rateLimits, PredictionProperties properties) {
        this.predictor = predictor;
        this.rateLimits = rateLimits;
        this.batchMaxSize = properties.batchMaxSize();
    }

    @Operation(summary = "Predict the highest-injury severity of one flight",
            description = "Only eventDate is required; every other fact may be left out when unknown. Codes are the NTSB"
                    + " codes (state CO, lightCondition DAYL, farPart 091, ...). Answers are cached per model version.")
    @PostMapping("/predict")
    @ApiResponse(responseCode = "200", description = "The prediction; with explain=true also its explanation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SeverityPrediction.class),
                    examples = {
                    @ExampleObject(name = "plain", value = EXAMPLE_ANSWER),
                    @ExampleObject(name = "explained", summary = "explain=true&explainTop=2", value = EXAMPLE_EXPLAINED)}))
    SeverityPrediction predict(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "complete", summary = "All facts known", value = EXAMPLE_FLIGHT),
            @ExampleObject(name = "minimal", summary = "Only the date known", value = "{\"eventDate\": \"2021-03-02\"}")}))
            @Valid @RequestBody FlightFacts facts,
            @Parameter(description = EXPLAIN, schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(name = "explain", defaultValue = "false") String explain,
            @Parameter(description = EXPLAIN_TOP, schema = @Schema(type = "integer", format = "int32", minimum = "0",
                    defaultValue = "5"))
            @RequestParam(name = "explainTop", defaultValue = "5") int explainTop) {
        return predictor.predict(facts, ExplainOption.of(explain, explainTop));
    }

    @Operation(summary = "Predict up to 100 flights at once",
            description = "Answers come back in request order. A batch counts one request per flight against the rate"
                    + " limit.")
    @PostMapping("/predict/batch")
    BatchPredictionResponse predictBatch(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "two flights", value = "{\"flights\": [" + EXAMPLE_FLIGHT
                    + ", {\"eventDate\": \"2021-03-02\", \"state\": \"AK\", \"aircraftCategory\": \"HELI\"}]}")))
            @Valid @RequestBody BatchPredictionRequest request,
            @Parameter(description = EXPLAIN, schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(name = "explain", defaultValue = "false") String explain,
            @Parameter(description = EXPLAIN_TOP, schema = @Schema(type = "integer", format = "int32", minimum = "0",
                    defaultValue = "5"))
            @RequestParam(name = "explainTop", defaultValue = "5") int explainTop,
            Authentication authentication, HttpServletResponse response) {
        ExplainOption explanation = ExplainOption.of(explain, explainTop);
        List<FlightFacts> flights = request.flights();
        if (flights.size() > batchMaxSize) {
            throw new InvalidInputException("flights", "must hold 1 to " + batchMaxSize + " flights, got " + flights.size());
        }
        if (flights.size() > 1) {
            // the rate-limit interceptor charged one already
            rateLimits.charge(Caller.of(authentication), flights.size() - 1L, response);
        }
        return new BatchPredictionResponse(predictor.predictAll(flights, explanation));
    }
}
