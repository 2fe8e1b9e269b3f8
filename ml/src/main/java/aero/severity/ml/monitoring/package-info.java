/**
 * Watching a served model on what happened after it was trained: {@code ml monitor} scores it on
 * the labelled events dated after its validation years, month by month and since then, beside its
 * own validation figures, and keeps each run in the {@code model_monitoring} table for the api.
 */
@NullMarked
package aero.severity.ml.monitoring;

import org.jspecify.annotations.NullMarked;
