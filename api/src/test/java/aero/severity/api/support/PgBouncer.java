package aero.severity.api.support;

/** The local PgBouncer of {@code scripts/services.sh} (transaction pooling in front of the test PostgreSQL). */
public final class PgBouncer {

    private PgBouncer() {
    }

    /** The PgBouncer URL (host, port, parameters of {@code SEVERITY_PGBOUNCER_URL}) for the database of a direct URL. */
    public static String urlFor(String directUrl) {
        String bouncer = System.getenv("SEVERITY_PGBOUNCER_URL");
        if (bouncer == null || bouncer.isBlank()) {
            throw new IllegalStateException("SEVERITY_PGBOUNCER_URL is not set: start PgBouncer with `scripts/services.sh start`"
                    + " and `eval \"$(scripts/services.sh env)\"`, or run scripts/test.sh");
        }
        String directBase = directUrl.contains("?") ? directUrl.substring(0, directUrl.indexOf('?')) : directUrl;
        String database = directBase.substring(directBase.lastIndexOf('/') + 1);
        int query = bouncer.indexOf('?');
        String base = query < 0 ? bouncer : bouncer.substring(0, query);
        String params = query < 0 ? "?prepareThreshold=0" : bouncer.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}
