package aero.severity.ml.serving;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local model folder of the embedded default ({@code SEVERITY_MODEL_DIR}), used when no MLflow
 * server is configured.
 */
@Validated
@ConfigurationProperties("severity.model")
public record ModelFolderProperties(@NotNull @DefaultValue("./.data/models") Path dir) {
}
