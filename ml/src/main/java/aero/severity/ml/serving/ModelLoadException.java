package aero.severity.ml.serving;

/** A model version could not be found, fetched or rebuilt. The caller keeps serving what it has. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelLoadException(String message) {
        super(message);
    }
}
