package aero.severity.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC settings the api uses behind PgBouncer in transaction pooling (the chart and the compose
 * stack), against the real PgBouncer of scripts/services.sh: with prepareThreshold=0 many clients
 * share few server connections safely; with server-side prepared statements they break.
 */
@ExtendWith(RealServicesExtension.class)
class PgBouncerTransactionPoolingIT {

    private static final int CLIENTS = 8;
    private static final int TRANSACTIONS_PER_CLIENT = 250;

    private static FreshDatabase database;
    private static String pgbouncerBase;

    @BeforeAll
    static void createDatabase(RealServices services) throws SQLException {
        String url = System.getenv("SEVERITY_PGBOUNCER_URL");
        if (url == null || url.isBlank()) {
            throw new AssertionError(
                    "SEVERITY_PGBOUNCER_URL is not set: start PgBouncer with `scripts/services.sh start`"
                            + " and `eval \"$(scripts/services.sh env)\"` (scripts/test.sh does both)");
        }
        database = FreshDatabase.create("pgbouncer");
        String withoutDatabase = url.substring(0, url.lastIndexOf('/') + 1);
        pgbouncerBase = withoutDatabase + database.name();
        try (Connection direct = database.connect();
                Statement statement = direct.createStatement()) {
            statement.execute("CREATE TABLE readings (client int NOT NULL, n int NOT NULL, backend int NOT NULL)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void manyClientsRunManyTransactionsThroughPgBouncerWithPrepareThresholdZero() throws Exception {
        List<Connection> clients = new ArrayList<>();
        Map<Integer, Set<Integer>> clientsPerBackend = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(connect("prepareThreshold=0"));
            }
            // Interleaved: each transaction of each client may land on any server connection.
            for (int n = 0; n < TRANSACTIONS_PER_CLIENT; n++) {
                for (int client = 0; client < CLIENTS; client++) {
                    clientsPerBackend
                            .computeIfAbsent(
                                    insertReading(clients.get(client), client, n), b -> ConcurrentHashMap.newKeySet())
                            .add(client);
                }
            }
            // And concurrently, so PgBouncer has to hand out several server connections at once.
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                Connection connection = clients.get(client);
                int id = client;
                futures.add(pool.submit(() -> {
                    for (int n = TRANSACTIONS_PER_CLIENT; n < 2 * TRANSACTIONS_PER_CLIENT; n++) {
                        clientsPerBackend
                                .computeIfAbsent(insertReading(connection, id, n), b -> ConcurrentHashMap.newKeySet())
                                .add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
        } finally {
            for (Connection client : clients) {
                client.close();
            }
        }
        try (Connection direct = database.connect();
                Statement statement = direct.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(DISTINCT (client, n)) FROM readings")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(CLIENTS * 2 * TRANSACTIONS_PER_CLIENT);
            assertThat(rows.getInt(2)).isEqualTo(CLIENTS * 2 * TRANSACTIONS_PER_CLIENT);
        }
        // Pooling really happened: server sessions served several clients, and no more of them were
        // opened than PgBouncer's pool allows (default_pool_size=10 in scripts/services.sh).
        assertThat(clientsPerBackend.values())
                .as("a server session that served several clients")
                .anySatisfy(served -> assertThat(served).hasSizeGreaterThan(1));
        assertThat(clientsPerBackend).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void serverSidePreparedStatementsBreakUnderTransactionPooling() throws SQLException {
        // prepareThreshold=1: the driver names and prepares the statement on the server at first use
        // and expects it on "its" session later; PgBouncer gives the session to another client.
        try (Connection first = connect("prepareThreshold=1");
                Connection second = connect("prepareThreshold=1")) {
            selectOne(first);
            assertThatThrownBy(() -> {
                        for (int round = 0; round < 20; round++) {
                            selectOne(second);
                            selectOne(first);
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42P05", "26000"))
                    .hasMessageContaining("prepared statement");
        }
    }

    private static int insertReading(Connection connection, int client, int n) throws SQLException {
        int backend;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO readings (client, n, backend) VALUES (?, ?, pg_backend_pid()) RETURNING backend")) {
            insert.setInt(1, client);
            insert.setInt(2, n);
            try (ResultSet returned = insert.executeQuery()) {
                returned.next();
                backend = returned.getInt(1);
            }
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM readings WHERE client = ?")) {
            count.setInt(1, client);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
            }
        }
        connection.commit();
        return backend;
    }

    private static void selectOne(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?::int + 1")) {
            statement.setInt(1, 41);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        }
        connection.commit();
    }

    private static Connection connect(String parameters) throws SQLException {
        Connection connection =
                DriverManager.getConnection(pgbouncerBase + "?" + parameters, database.user(), database.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
