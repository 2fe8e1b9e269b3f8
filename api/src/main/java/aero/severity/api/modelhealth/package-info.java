/**
 * How the served model does on what happened after it was trained: the newest {@code ml monitor}
 * run for the served version (the {@code model_monitoring} table) as gauges for the alert rules and
 * the model health dashboard.
 */
@NullMarked
package aero.severity.api.modelhealth;

import org.jspecify.annotations.NullMarked;
