/**
 * The real services integration tests talk to. Never stubs: PostgreSQL+PostGIS, Redis and MLflow
 * run natively ({@code scripts/services.sh}) or, where a Docker engine exists, in containers.
 */
@NullMarked
package aero.severity.testing;

import org.jspecify.annotations.NullMarked;
