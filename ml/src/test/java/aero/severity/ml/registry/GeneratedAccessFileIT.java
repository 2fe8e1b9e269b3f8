package aero.severity.ml.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import aero.severity.ingest.load.BatchLoader;
import aero.severity.ingest.load.Progress;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.dataset.TrainingSetQuery;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import aero.severity.testing.FreshDatabase;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on data the project generates: ingest's generator writes an NTSB Access file,
 * ingest loads it into a fresh PostgreSQL database, the training-set query reads it, and the
 * model is trained, registered in the real MLflow, gated and loaded back.
 */
@ExtendWith(RealServicesExtension.class)
class GeneratedAccessFileIT {

    @TempDir
    Path folder;

    @Test
    void anAccessFileGoesThroughIngestTrainingAndTheRegistryAndPredictsTheSameAfterLoading(RealServices services) {
        try (FreshDatabase database = FreshDatabase.create("ml_generated_access")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(database.jdbcUrl());
            postgres.setUser(database.user());
            postgres.setPassword(database.password());
            Flyway.configure()
                    .dataSource(postgres)
                    .locations("classpath:db/migration/postgresql")
                    .load()
                    .migrate();
            Path mdb = folder.resolve("generated.mdb");
            SampleAccessFile.write(mdb, SampleOptions.of(12_000).withSeed(5));
            new BatchLoader(postgres).load(mdb, Progress.NONE);

            TrainingSet data = new TrainingSetQuery(postgres).read(1962, 2100);
            String model = "accident-severity-generated-"
                    + UUID.randomUUID().toString().substring(0, 8);
            MlflowModelRegistry registry =
                    new MlflowModelRegistry(URI.create(services.mlflowUri()), model, model, Duration.ofSeconds(10));
            TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2017));
            TrainAndRegister pipeline = new TrainAndRegister(registry, new ModelTrainer());
            TrainAndRegister.Result first = pipeline.run(data, options, line -> {});
            TrainAndRegister.Result weaker = pipeline.run(
                    data,
                    options.withXGBoost(new TrainingOptions.XGBoost(2, 0.3, 1, 5, 0.8, 0.8, 1.0, 0.0)),
                    line -> {});

            assertThat(data.droppedWithoutLabel()).isPositive(); // the generator writes blank and UNKN labels too
            assertThat(first.outcome().report().rows().get("left_out_later")).isPositive();
            assertThat(first.outcome().report().validation().get("xgboost").macroF1())
                    .isGreaterThan(first.outcome()
                                    .report()
                                    .validation()
                                    .get("majority")
                                    .macroF1()
                            + 0.1);
            assertThat(first.decision().promote()).isTrue();
            assertThat(weaker.decision().promote()).isFalse();
            assertThat(registry.findByAlias(ModelRegistry.CHAMPION)).contains(first.version());
            SeverityModel loaded = registry.load(first.version());
            SeverityModel trained = first.outcome().bundle().toModel(first.version());
            for (LabelledEvent event : first.outcome().validation().subList(0, 200)) {
                assertThat(loaded.probabilities(loaded.encoder().encode(event.facts())))
                        .containsExactly(trained.probabilities(trained.encoder().encode(event.facts())));
            }
        }
    }
}
