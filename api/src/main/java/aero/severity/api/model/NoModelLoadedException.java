package aero.severity.api.model;

/** Nothing to predict with yet: no champion has been registered, or none could be loaded so far. */
public class NoModelLoadedException extends RuntimeException {

    NoModelLoadedException(String message) {
        super(message);
    }
}
