package aero.severity.api.model;

/** An admin reload that could not reach or load the alias' version; the previous model keeps serving. */
public class ModelRefreshException extends RuntimeException {

    private final Refresh refresh;

    ModelRefreshException(Refresh refresh) {
        super(refresh.message());
        this.refresh = refresh;
    }

    public Refresh refresh() {
        return refresh;
    }
}
