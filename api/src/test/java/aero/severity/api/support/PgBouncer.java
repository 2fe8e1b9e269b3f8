package aero.severity.api.support;

import aero.severity.testing.FreshDatabase;

/** The local PgBouncer of {@code scripts/services.sh} (transaction pooling in front of the test PostgreSQL). */
public final class PgBouncer {

    private PgBouncer() {}

    /** {@code SEVERITY_PGBOUNCER_URL}, with {@code prepareThreshold=0} when it names no parameters. */
    public static String url() {
        String bouncer = System.getenv("SEVERITY_PGBOUNCER_URL");
        if (bouncer == null || bouncer.isBlank()) {
            throw new IllegalStateException(
                    "SEVERITY_PGBOUNCER_URL is not set: start PgBouncer with `scripts/services.sh start`"
                            + " and `eval \"$(scripts/services.sh env)\"`, or run scripts/test.sh");
        }
        return bouncer.contains("?") ? bouncer : bouncer + "?prepareThreshold=0";
    }

    /** The database through PgBouncer. */
    public static String urlFor(FreshDatabase database) {
        return database.jdbcUrlOn(url());
    }
}
