package aero.severity.api.model;

import java.time.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Model serving ({@code severity.model.*}).
 *
 * @param alias        the registry alias that is served
 * @param pollInterval how often the registry is asked whether the alias moved
 */
@ConfigurationProperties("severity.model")
@Validated
public record ModelServingProperties(
        @DefaultValue("champion") @NotBlank String alias,
        @DefaultValue("30s") @NotNull Duration pollInterval) {

    public ModelServingProperties {
        if (pollInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(
                    "severity.model.poll-interval must be at least 100ms, was " + pollInterval);
        }
    }
}
