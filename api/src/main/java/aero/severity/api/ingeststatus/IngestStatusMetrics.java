package aero.severity.api.ingeststatus;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import aero.severity.api.BackgroundRefresh;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code severity_ingest_batches{status}}, {@code severity_ingest_rows{table}},
 * {@code severity_ingest_rejects{table}} and {@code severity_ingest_last_success_timestamp_seconds},
 * read from the bookkeeping tables once a minute in the background: a scrape never waits on the
 * database, and a database that is away leaves the last values in place.
 */
@Component
class IngestStatusMetrics extends BackgroundRefresh {

    private static final Logger log = LoggerFactory.getLogger(IngestStatusMetrics.class);
    /** Always reported, so every series of the contract exists before the first load. */
    private static final List<String> STATUSES = List.of("DONE", "FAILED");

    private static final String ALWAYS_REPORTED_TABLE = "events";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    // values are updated in place: re-registering gauges would leave gaps a scrape could fall into
    private final Map<String, AtomicLong> batches = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rowsLoaded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rowsRejected = new ConcurrentHashMap<>();
    private volatile double lastSuccess = Double.NaN;
    private volatile boolean failing;

    IngestStatusMetrics(
            JdbcClient jdbc,
            MeterRegistry meters,
            @Value("${severity.ingest-status.refresh-interval:60s}") Duration interval) {
        super("ingest-status", interval, false);
        this.jdbc = jdbc;
        this.meters = meters;
        STATUSES.forEach(
                status -> gauge(batches, "severity.ingest.batches", "Ingest batches by status", "status", status));
        gauge(rowsLoaded, "severity.ingest.rows", "Rows loaded by ingest, by table", "table", ALWAYS_REPORTED_TABLE);
        gauge(
                rowsRejected,
                "severity.ingest.rejects",
                "Rows ingest rejected, by table",
                "table",
                ALWAYS_REPORTED_TABLE);
        Gauge.builder("severity.ingest.last.success.timestamp", this, metrics -> metrics.lastSuccess)
                .description("Epoch seconds when the last successful ingest batch finished (NaN before the first)")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    protected void round() {
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, long[]> byTable = new HashMap<>();
        OffsetDateTime finished;
        try {
            jdbc.sql("SELECT status, count(*) AS n FROM ingest_batches GROUP BY status")
                    .query(rs -> {
                        byStatus.put(rs.getString("status"), rs.getLong("n"));
                    });
            jdbc.sql("SELECT table_name, sum(rows_loaded) AS loaded, sum(rows_rejected) AS rejected"
                            + " FROM ingest_batch_tables GROUP BY table_name")
                    .query(rs -> {
                        byTable.put(
                                rs.getString("table_name"), new long[] {rs.getLong("loaded"), rs.getLong("rejected")});
                    });
            finished = jdbc.sql("SELECT max(finished_at) AS finished FROM ingest_batches WHERE status = 'DONE'")
                    .query((rs, n) -> rs.getObject("finished", OffsetDateTime.class))
                    .list()
                    .get(0);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not read the ingest bookkeeping ({}); keeping the last values", e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        for (String status : STATUSES) {
            batches.get(status).set(byStatus.getOrDefault(status, 0L));
        }
        byStatus.forEach(
                (status, n) -> gauge(batches, "severity.ingest.batches", "Ingest batches by status", "status", status)
                        .set(n));
        byTable.forEach((table, counts) -> {
            gauge(rowsLoaded, "severity.ingest.rows", "Rows loaded by ingest, by table", "table", table)
                    .set(counts[0]);
            gauge(rowsRejected, "severity.ingest.rejects", "Rows ingest rejected, by table", "table", table)
                    .set(counts[1]);
        });
        lastSuccess = finished == null ? Double.NaN : finished.toInstant().toEpochMilli() / 1000.0;
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String tag, String key) {
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag(tag, k)
                    .strongReference(true)
                    .register(meters);
            return value;
        });
    }
}
