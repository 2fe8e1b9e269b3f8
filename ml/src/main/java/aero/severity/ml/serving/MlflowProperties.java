package aero.severity.ml.serving;

import java.net.URI;
import java.time.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MLflow tracking server ({@code SEVERITY_MLFLOW_URI}); when unset, models live in the local
 * folder of {@link ModelProperties} instead.
 *
 * @param uri        e.g. {@code http://127.0.0.1:15000}; blank or unset means "no MLflow"
 * @param experiment the experiment that holds the training runs ({@code SEVERITY_MLFLOW_EXPERIMENT})
 * @param timeout    per HTTP call to the server (artifact transfers get ten times this)
 */
@Validated
@ConfigurationProperties("severity.mlflow")
public record MlflowProperties(
        @Nullable URI uri,
        @NotBlank @DefaultValue("accident-severity") String experiment,
        @NotNull @DefaultValue("5s") Duration timeout) {

    public boolean configured() {
        return uri != null && !uri.toString().isBlank();
    }
}
