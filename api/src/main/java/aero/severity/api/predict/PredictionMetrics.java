package aero.severity.api.predict;

import java.util.EnumMap;
import java.util.Map;

import aero.severity.domain.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code severity_predictions_total{severity}}, {@code severity_prediction_confidence} (a histogram:
 * a falling confidence is the first sign of drift) and {@code severity_model_inference_seconds}.
 * Meters are created once; the request path only increments.
 */
final class PredictionMetrics {

    private final Map<Severity, Counter> predictions = new EnumMap<>(Severity.class);
    private final DistributionSummary confidence;
    final Timer inference;

    PredictionMetrics(MeterRegistry meters) {
        for (Severity severity : Severity.values()) {
            predictions.put(
                    severity,
                    Counter.builder("severity.predictions")
                            .description("Predictions served (cached or computed), by predicted class")
                            .tag("severity", severity.code())
                            .register(meters));
        }
        this.confidence = DistributionSummary.builder("severity.prediction.confidence")
                .description("Probability of the predicted class")
                .serviceLevelObjectives(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
                .register(meters);
        this.inference = Timer.builder("severity.model.inference")
                .description("Model time per computed (uncached) prediction or batch")
                .publishPercentileHistogram()
                .register(meters);
    }

    SeverityPrediction served(SeverityPrediction prediction) {
        predictions.get(prediction.severity()).increment();
        confidence.record(prediction.confidence());
        return prediction;
    }
}
