package aero.severity.api.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.api.*}: limits on what a request may carry.
 *
 * @param maxBodySize largest request body accepted; a full batch of 100 flights is about 70 KB
 */
@ConfigurationProperties("severity.api")
@Validated
public record RequestLimitProperties(
        @DefaultValue("256KB") @NotNull DataSize maxBodySize) {}
