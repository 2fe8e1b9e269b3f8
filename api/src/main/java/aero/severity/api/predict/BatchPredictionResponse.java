package aero.severity.api.predict;

import java.util.List;

/** One prediction per flight of the request, in the same order. */
record BatchPredictionResponse(List<SeverityPrediction> predictions) {}
