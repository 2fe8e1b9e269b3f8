package aero.severity.ingest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.ingest.*}: files to import when the app runs without a command (the property-driven
 * mode: {@code --severity.ingest.files=avall.mdb,up01JAN.mdb}), how long to wait for another import
 * to finish, whether to draw a progress bar ({@code auto}: only on a terminal), and whether Access files
 * without an events table are accepted ({@code allow-partial}: extracts of child tables whose events
 * are already stored; off by default, because such a file is usually the wrong file).
 */
@Validated
@ConfigurationProperties("severity.ingest")
record IngestProperties(
        @DefaultValue List<Path> files,
        @NotNull @DefaultValue("30m") Duration lockWait,
        @NotNull @DefaultValue("auto") ProgressMode progress,
        @DefaultValue("false") boolean allowPartial) {

    enum ProgressMode {
        AUTO,
        BAR,
        LOG
    }
}
