package aero.severity.ml.serving;

import java.nio.file.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registered model ({@code SEVERITY_MODEL_NAME}) and the local model folder of the embedded
 * default ({@code SEVERITY_MODEL_DIR}, used when no MLflow server is configured).
 *
 * @param name the registered model, in MLflow and in the local folder alike
 * @param dir  where the local folder registry keeps versions and aliases
 */
@Validated
@ConfigurationProperties("severity.model")
public record ModelProperties(
        @NotBlank @DefaultValue("accident-severity") String name,
        @NotNull @DefaultValue("./.data/models") Path dir) {}
