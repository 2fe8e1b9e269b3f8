package aero.severity.api.database;

import java.time.Duration;

import aero.severity.api.BackgroundRefresh;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code severity_database_up}: 1 when the last background {@code SELECT 1} through the application's
 * pool answered, 0 when it failed, NaN before the first round. Checked on its own thread every
 * {@code severity.database-check.interval} (15 s), so a scrape never waits for a connection timeout.
 * A change is logged once, not every round.
 */
@Component
class DatabaseReachability extends BackgroundRefresh {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);

    private final JdbcClient jdbc;
    private volatile double up = Double.NaN;

    DatabaseReachability(
            JdbcClient jdbc,
            MeterRegistry meters,
            @Value("${severity.database-check.interval:15s}") Duration interval) {
        super("database-check", interval, false);
        this.jdbc = jdbc;
        Gauge.builder("severity.database.up", this, check -> check.up)
                .description(
                        "1 when this instance's last check reached its database, 0 when it failed (NaN before the first)")
                .register(meters);
    }

    @Override
    protected void round() {
        boolean reached;
        String failure = "";
        try {
            reached = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            reached = false;
            failure = e.getMessage();
        }
        double before = up;
        up = reached ? 1 : 0;
        if (!reached && before != 0) {
            log.warn("The database is unreachable ({}); data endpoints and token issuance answer 503", failure);
        } else if (reached && before == 0) {
            log.info("The database is reachable again");
        }
    }
}
