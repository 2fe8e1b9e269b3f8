/**
 * Whether this instance can reach its database, as {@code severity_database_up} for the
 * {@code DatabaseDown} alert: readiness does not include the database (predictions answer without
 * it), so an outage is seen here, in the {@code dependencies} health group and in the 503s of the
 * data endpoints.
 */
@NullMarked
package aero.severity.api.database;

import org.jspecify.annotations.NullMarked;
