package aero.severity.ml.model;

/** The model families the platform trains. */
public enum Algorithm {
    /** Gradient-boosted trees (Tribuo over XGBoost), multi-class soft-probabilities. */
    XGBOOST("xgboost"),
    /** Multinomial logistic regression (Tribuo SGD with the log-multiclass loss). */
    LOGISTIC_REGRESSION("logistic_regression");

    private final String id;

    Algorithm(String id) {
        this.id = id;
    }

    /** The name used in files, metrics and the CLI. */
    public String id() {
        return id;
    }

    public static Algorithm ofId(String id) {
        for (Algorithm algorithm : values()) {
            if (algorithm.id.equalsIgnoreCase(id) || algorithm.name().equalsIgnoreCase(id)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + id + "' (expected xgboost or logistic_regression)");
    }
}
