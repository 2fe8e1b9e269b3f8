package aero.severity.api.predict;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** {@code explain=true} for a model kind that cannot take its scores apart (none today): 409, with why. */
class ExplanationUnavailableException extends ApiException {

    ExplanationUnavailableException(String modelVersion) {
        super(
                HttpStatus.CONFLICT,
                ProblemTypes.EXPLANATION_UNAVAILABLE,
                "Explanation unavailable",
                "the model serving now" + " (version " + modelVersion
                        + ") cannot explain its predictions; ask without explain=true");
    }
}
