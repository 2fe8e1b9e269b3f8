package aero.severity.api.predict;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Predictions ({@code severity.predict.*}).
 *
 * @param batchMaxSize     most flights one batch may carry ({@code SEVERITY_FEATURE_BATCH_MAX_SIZE}); keep
 *                         {@code severity.api.max-body-size} large enough for it (about 0.7 KB per flight)
 * @param shadowChallenger also score the registry's {@code challenger} on computed predictions, off the
 *                         request path; compared and counted, never returned ({@code SEVERITY_FEATURE_SHADOW_CHALLENGER})
 */
@ConfigurationProperties("severity.predict")
@Validated
public record PredictionProperties(
        @DefaultValue("100") @Min(1) @Max(1000) int batchMaxSize,
        @DefaultValue("false") boolean shadowChallenger) {}
