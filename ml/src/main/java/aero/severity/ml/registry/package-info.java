/**
 * Where model versions live and how a new one earns the {@code champion} alias: the MLflow model
 * registry (runs, artifacts through the tracking server's REST API, versions, aliases) or a local
 * folder with the same behaviour, and the promotion gate between them.
 */
@NullMarked
package aero.severity.ml.registry;

import org.jspecify.annotations.NullMarked;
