package aero.severity.api.predict;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code explain=true} for a model kind that cannot take its scores apart (none today): 409, with why. */
class ExplanationUnavailableException extends ErrorResponseException {

    ExplanationUnavailableException(String modelVersion) {
        super(HttpStatus.CONFLICT, problem(modelVersion), null);
    }

    private static ProblemDetail problem(String modelVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "the model serving now (version " + modelVersion
                        + ") cannot explain its predictions; ask without explain=true");
        problem.setType(URI.create("urn:severity:problem:explanation-unavailable"));
        problem.setTitle("Explanation unavailable");
        return problem;
    }
}
