package aero.severity.ml.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.registry.ModelStore;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies the {@link RetrainPolicy} to a monitoring run: finds the newest registered version (the
 * champion or the challenger, whichever was trained last) and when the newest ingest batch finished.
 */
public final class RetrainCheck {

    private final RetrainPolicy policy;
    private final ModelStore store;
    private final JdbcTemplate jdbc;

    public RetrainCheck(RetrainPolicy policy, ModelStore store, DataSource dataSource) {
        this.policy = policy;
        this.store = store;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public RetrainPolicy.Verdict noChampion() {
        return policy.noChampion();
    }

    public RetrainPolicy.Verdict decide(
            ModelId champion, ModelBundle championBundle, MonitoringReport report, Instant now) {
        Trained newest = Stream.of(
                        Optional.of(new Trained(champion, trainedAt(championBundle))),
                        store.findByAlias(ModelRegistry.CHALLENGER)
                                .filter(id -> !id.equals(champion))
                                .map(id -> new Trained(id, trainedAt(store.loadBundle(id)))))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Trained::at))
                .orElseThrow();
        return policy.decide(report, "v" + newest.id().version(), newest.at(), lastBatch(), now);
    }

    private record Trained(ModelId id, Instant at) {}

    /** A bundle without a readable time counts as trained long ago: the schedule retrains it. */
    private static Instant trainedAt(ModelBundle bundle) {
        try {
            return Instant.parse(bundle.metadata().createdAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }

    private @Nullable Instant lastBatch() {
        Timestamp last = jdbc.queryForObject(
                "SELECT max(finished_at) FROM ingest_batches WHERE status = 'DONE'", Timestamp.class);
        return last == null ? null : last.toInstant();
    }
}
