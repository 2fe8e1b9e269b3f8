package aero.severity.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link FullStackTest}: the api's pool reaches this class's fresh database as the deployed api
 * does, through the real PgBouncer in transaction pooling ({@code SEVERITY_PGBOUNCER_URL}, with
 * {@code prepareThreshold=0}); Flyway still migrates over the direct connection.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ThroughPgBouncer {}
