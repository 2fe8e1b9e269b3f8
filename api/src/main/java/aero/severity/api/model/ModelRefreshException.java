package aero.severity.api.model;

import java.util.Locale;

import aero.severity.api.web.ApiException;
import aero.severity.api.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * An admin reload that could not reach or load the alias' version; the previous model keeps serving.
 * 503 with the refresh's {@code outcome} and the {@code servingVersion}.
 */
public class ModelRefreshException extends ApiException {

    private final Refresh refresh;

    ModelRefreshException(Refresh refresh) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.MODEL_REFRESH, "Model reload failed", refresh.message());
        this.refresh = refresh;
        property("outcome", refresh.outcome().name().toLowerCase(Locale.ROOT));
        property(
                "servingVersion",
                refresh.live() == null ? null : refresh.live().ref().version());
    }

    public Refresh refresh() {
        return refresh;
    }
}
