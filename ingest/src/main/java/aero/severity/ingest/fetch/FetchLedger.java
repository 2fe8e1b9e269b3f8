package aero.severity.ingest.fetch;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/** The {@code ingest_fetches} table: what was fetched from where, and which batch it became. */
final class FetchLedger {

    /** A fetch of one archive (its first recorded Access file). */
    record Fetched(
            long fetchId,
            String fileName,
            String sha256,
            long batchId,
            OffsetDateTime fetchedAt,
            Validators validators) {}

    /** An Access file of a fetched archive and the batch the import gave it. */
    record Imported(String entryName, long batchId) {}

    private static final String COLUMNS = "fetch_id, file_name, sha256, batch_id, fetched_at, etag, last_modified";

    private final DataSource dataSource;

    FetchLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest fetch of this URL; null when none (or, for a dry run on an unmigrated database, no table yet). */
    @Nullable
    Fetched lastFetchOf(URI url) {
        return one("SELECT " + COLUMNS + " FROM ingest_fetches WHERE url = ? ORDER BY fetch_id DESC", url.toString());
    }

    /** A fetch of an archive with exactly these bytes, from wherever. */
    @Nullable
    Fetched withSha256(String sha256) {
        return one("SELECT " + COLUMNS + " FROM ingest_fetches WHERE sha256 = ? ORDER BY fetch_id", sha256);
    }

    /** Every Access file of the archive, in one transaction: the archive counts as fetched only as a whole. */
    void record(PublishedFile file, Download.Arrived archive, List<Imported> imported) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO ingest_fetches (url, file_name, etag,"
                            + " last_modified, sha256, file_size, entry_name, batch_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (Imported entry : imported) {
                    insert.setString(1, file.url().toString());
                    insert.setString(2, file.name());
                    insert.setString(3, archive.etag());
                    insert.setString(4, archive.lastModified());
                    insert.setString(5, archive.sha256());
                    insert.setLong(6, archive.size());
                    insert.setString(7, entry.entryName());
                    insert.setLong(8, entry.batchId());
                    insert.setObject(9, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new FetchException(
                    FetchFailure.WORK,
                    file.name() + " was imported but cannot be recorded in ingest_fetches: " + e.getMessage(),
                    e);
        }
    }

    private @Nullable Fetched one(String sql, String value) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, value);
            query.setMaxRows(1);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Fetched(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class),
                        new Validators(rs.getString(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            if (missingTable(e)) {
                return null;
            }
            throw new FetchException(FetchFailure.WORK, "cannot read ingest_fetches: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL 42P01, H2 42102/42104: the dry run does not migrate, so the table may not be there yet. */
    private static boolean missingTable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("42P01")
                || state.startsWith("42S02")
                || state.equals("42102")
                || state.equals("42104")
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("ingest_fetches\" not found");
    }
}
