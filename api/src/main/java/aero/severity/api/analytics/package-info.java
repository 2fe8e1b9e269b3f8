/**
 * Severity statistics over the event data: by year, by state and by phase of flight. Whole-table
 * aggregates, so answers are kept for a few minutes (the data changes only when ingest loads).
 */
@NullMarked
package aero.severity.api.analytics;

import org.jspecify.annotations.NullMarked;
