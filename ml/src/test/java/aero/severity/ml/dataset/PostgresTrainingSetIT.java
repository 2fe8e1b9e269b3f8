package aero.severity.ml.dataset;

import javax.sql.DataSource;

import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServicesExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** The training-set query on the real PostgreSQL + PostGIS with ingest's migrations. */
@ExtendWith(RealServicesExtension.class)
class PostgresTrainingSetIT extends TrainingSetContract {

    private static FreshDatabase database;
    private static PGSimpleDataSource postgres;

    @BeforeAll
    static void migrate() {
        database = FreshDatabase.create("ml_training_set");
        postgres = new PGSimpleDataSource();
        postgres.setURL(database.jdbcUrl());
        postgres.setUser(database.user());
        postgres.setPassword(database.password());
        Flyway.configure()
                .dataSource(postgres)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
