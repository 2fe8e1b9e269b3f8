package aero.severity.api.predict;

import java.util.List;

import aero.severity.api.auth.Caller;
import aero.severity.api.ratelimit.RateLimitEnforcer;
import aero.severity.api.web.InvalidInputException;
import aero.severity.domain.FlightFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    SeverityPrediction predict(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "complete", summary = "All facts known", value = EXAMPLE_FLIGHT),
            @ExampleObject(name = "minimal", summary = "Only the date known", value = "{\"eventDate\": \"2021-03-02\"}")}))
            @Valid @RequestBody FlightFacts facts) {
        return predictor.predict(facts);
    }

    @Operation(summary = "Predict up to 100 flights at once",
            description = "Answers come back in request order. A batch counts one request per flight against the rate"
                    + " limit.")
    @PostMapping("/predict/batch")
    BatchPredictionResponse predictBatch(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "two flights", value = "{\"flights\": [" + EXAMPLE_FLIGHT
                    + ", {\"eventDate\": \"2021-03-02\", \"state\": \"AK\", \"aircraftCategory\": \"HELI\"}]}")))
            @Valid @RequestBody BatchPredictionRequest request, Authentication authentication,
            HttpServletResponse response) {
        List<FlightFacts> flights = request.flights();
        if (flights.size() > batchMaxSize) {
            throw new InvalidInputException("flights", "must hold 1 to " + batchMaxSize + " flights, got " + flights.size());
        }
        if (flights.size() > 1) {
            // the rate-limit interceptor charged one already
            rateLimits.charge(Caller.of(authentication), flights.size() - 1L, response);
        }
        return new BatchPredictionResponse(predictor.predictAll(flights));
    }
}
