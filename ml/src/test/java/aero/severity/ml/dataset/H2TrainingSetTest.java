package aero.severity.ml.dataset;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The training-set query on the embedded H2 + H2GIS database with ingest's H2 migrations. */
class H2TrainingSetTest extends TrainingSetContract {

    private static JdbcDataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:training-set;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        h2.setUser("severity");
        h2.setPassword("severity");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
