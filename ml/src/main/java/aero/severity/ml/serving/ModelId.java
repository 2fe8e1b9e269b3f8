package aero.severity.ml.serving;

import org.jspecify.annotations.Nullable;

/**
 * A registered model version: the registered model's name, its version in the registry, and the
 * tracking run that produced it (null in the local-folder registry when no tracking server was used).
 */
public record ModelId(String name, String version, @Nullable String runId) {}
