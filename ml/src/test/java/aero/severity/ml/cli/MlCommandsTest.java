package aero.severity.ml.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import aero.severity.ml.dataset.AvallRows;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end on an embedded H2 database and the local model folder. */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MlCommandsTest {

    @TempDir
    static Path folder;

    private static String url;

    @BeforeAll
    static void database() throws Exception {
        url = "jdbc:h2:file:" + folder.resolve("severity") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        Flyway.configure()
                .dataSource(url, "severity", "severity")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, "severity", "severity")) {
            for (LabelledEvent event : SyntheticEvents.generate(4_000, 2008, 2021, 31)) {
                AvallRows.insert(db, event.eventId(), event.facts(), event.severity(), true);
            }
        }
    }

    private static int ml(String... args) {
        SpringApplication application = new SpringApplication(MlApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "ml-cli"));
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of(
                "--spring.datasource.url=" + url,
                "--severity.mlflow.uri=",
                "--severity.model.dir=" + folder.resolve("models")));
        return SpringApplication.exit(application.run(all.toArray(String[]::new)));
    }

    @Test
    @Order(0)
    void monitorBeforeAnyChampionSaysThereIsNothingToMonitorAndSucceeds(CapturedOutput output) {
        assertThat(ml("monitor")).isZero();
        assertThat(output.getOut()).contains("no champion in local folder").contains("yet: nothing to monitor");
    }

    @Test
    @Order(0)
    void monitorDecideWithoutAChampionSaysARetrainIsDue(CapturedOutput output) {
        assertThat(ml("monitor", "--decide")).isZero();
        assertThat(output.getOut()).contains("retrain: due: no champion yet");
    }

    @Test
    @Order(1)
    void trainReadsTheDatabaseReportsEachStageAndRegistersTheFirstModelAsChampion(CapturedOutput output) {
        assertThat(ml("train", "--train-until", "2017")).isZero();

        assertThat(output.getOut())
                .contains(
                        "reading the training set",
                        "split train<=2017, validate 2018-2019",
                        "trained XGBoost",
                        "trained logistic regression",
                        "registered version 1",
                        "version 1 is champion")
                .containsPattern("xgboost\\s+0\\.\\d{4}")
                .containsPattern("majority\\s+0\\.\\d{4}");
        assertThat(folder.resolve("models/accident-severity/versions/1/model.tribuo.pb"))
                .exists();
        assertThat(folder.resolve("models/accident-severity/aliases.json"))
                .content()
                .contains("\"champion\" : \"1\"");
    }

    @Test
    @Order(2)
    void evaluateScoresALaterPeriodWithTheShippedCalibrationAndRecordsARun(CapturedOutput output) throws Exception {
        assertThat(ml("evaluate", "--model", "champion", "--from", "2020", "--to", "2021"))
                .isZero();

        assertThat(output.getOut())
                .contains("champion on 2020-2021", "calibration and thresholds as shipped")
                .containsPattern("xgboost\\s+0\\.\\d{4}")
                .contains("class_prior");
        try (var runs = java.nio.file.Files.list(folder.resolve("models/accident-severity/runs"))) {
            Path run = runs.filter(
                            r -> r.resolve("shap_importance.png").toFile().exists())
                    .findFirst()
                    .orElseThrow();
            assertThat(run.resolve("run.json"))
                    .content()
                    .contains(
                            "\"kind\" : \"evaluate\"",
                            "\"evaluated_years\" : \"2020-2021\"",
                            "xgboost.brier",
                            "shap.flightPhase");
        }
    }

    @Test
    @Order(2)
    void trainingSavesTheGlobalImportanceChartAndEvaluatePrintsTheFifteenLargestFields(CapturedOutput output) {
        assertThat(ml("evaluate", "--model", "1", "--from", "2020", "--to", "2021"))
                .isZero();

        assertThat(folder.resolve("models/accident-severity/versions/1/shap_importance.png"))
                .isNotEmptyFile();
        assertThat(folder.resolve("models/accident-severity/versions/1/metrics.json"))
                .content()
                .contains("\"shapImportance\"", "\"flightPhase\"");
        String printed = output.getOut().substring(output.getOut().indexOf("mean |contribution|"));
        assertThat(printed.lines().skip(1).filter(line -> line.matches("  \\w+ +\\d+\\.\\d{4}")))
                .hasSize(15);
    }

    @Test
    @Order(2)
    void monitorScoresTheChampionMonthByMonthAfterItsWindowAndKeepsTheRunInTheTableAndTheStore(CapturedOutput output)
            throws Exception {
        assertThat(ml("monitor")).isZero();

        assertThat(output.getOut())
                .contains(
                        "accident-severity version 1 (trained to 2017, validated 2018-2019)",
                        "labelled events from 2020-01-01 it never saw",
                        "recorded 25 rows in model_monitoring")
                .containsPattern("validation +\\d+ +\\d+ +0\\.\\d{4}")
                .containsPattern("2020-01 +\\d+ +\\d+ +")
                .containsPattern("2021-12 +\\d+")
                .containsPattern("cumulative +\\d+ +\\d+ +0\\.\\d{4} +0\\.\\d{4}")
                .contains("input drift of these events against the training rows (PSI")
                .containsPattern("\\n  [a-zA-Z]+ +\\d+\\.\\d{4}");
        try (Connection db = DriverManager.getConnection(url, "severity", "severity");
                var rows = db.createStatement()
                        .executeQuery("SELECT period, events, model_version, ece, validation_ece,"
                                + " validation_events FROM model_monitoring ORDER BY period");
                var unseen = db.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM events WHERE ev_date >= DATE '2020-01-01'")) {
            unseen.next();
            int monthEvents = 0;
            int months = 0;
            while (rows.next()) {
                assertThat(rows.getString("model_version")).isEqualTo("1");
                assertThat(rows.getDouble("ece")).isBetween(0.0, 1.0);
                assertThat(rows.getDouble("validation_ece")).isBetween(0.0, 1.0);
                assertThat(rows.getInt("validation_events")).isPositive();
                if (rows.getString("period").equals("cumulative")) {
                    assertThat(rows.getInt("events"))
                            .as("cumulative events")
                            .isEqualTo(unseen.getInt(1))
                            .isEqualTo(monthEvents);
                } else {
                    assertThat(rows.getString("period")).matches("202[01]-\\d\\d");
                    monthEvents += rows.getInt("events");
                    months++;
                }
            }
            assertThat(months).isEqualTo(24);
        }
        try (var runs = java.nio.file.Files.list(folder.resolve("models/accident-severity/runs"))) {
            assertThat(runs.map(r -> r.resolve("run.json"))
                            .filter(f -> f.toFile().exists())
                            .map(f -> {
                                try {
                                    return java.nio.file.Files.readString(f);
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }))
                    .anySatisfy(run -> assertThat(run)
                            .contains(
                                    "\"kind\" : \"monitor\"",
                                    "\"model.version\" : \"1\"",
                                    "live.ece",
                                    "live.2021-06.brier",
                                    "validation.macro_f1",
                                    "psi.max",
                                    "psi.pilotAge"));
        }
    }

    @Test
    @Order(3)
    void monitorDecideKeepsAFreshChampionAndRetrainsOnDriftOnlyOnceABatchHasArrivedSince(CapturedOutput output)
            throws Exception {
        assertThat(ml("monitor", "--decide"))
                .as("the synthetic years do not drift")
                .isEqualTo(MlCommands.RETRAIN_NOT_DUE);
        assertThat(output.getOut()).contains("retrain: not due: no drift past the thresholds on");

        String strict = "--severity.retrain.max-psi=0"; // every field that moved at all has drifted
        assertThat(ml("monitor", "--decide", strict)).isEqualTo(MlCommands.RETRAIN_NOT_DUE);
        assertThat(output.getOut()).contains("input drift: PSI of", "no batch has finished since v1 was trained");

        try (Connection db = DriverManager.getConnection(url, "severity", "severity")) {
            db.createStatement()
                    .executeUpdate("INSERT INTO ingest_batches (file_name, file_size, sha256, source_kind, started_at,"
                            + " finished_at, status) VALUES ('up01DEC.mdb', 1, 'ab', 'ACCESS', now(), now(), 'DONE')");
        }
        assertThat(ml("monitor", "--decide", strict)).isZero();
        assertThat(output.getOut()).contains("retrain: due: input drift: PSI of", "new data: a batch finished at");

        assertThat(ml("monitor", "--decide", "--model", "1"))
                .as("--decide judges the champion")
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void aSecondTrainingOfTheSameDataDoesNotReplaceTheChampion(CapturedOutput output) {
        assertThat(ml("train", "--train-until", "2017", "--algorithm", "logistic_regression"))
                .isZero();

        assertThat(output.getOut())
                .contains(
                        "registered version 2",
                        "version 2 is ",
                        "gate: both recipes at the recent horizon (recipe retrained to 2015, calibrated on 2016-2017, scored on 2018-2019");
        assertThat(folder.resolve("models/accident-severity/aliases.json"))
                .content()
                .contains("\"challenger\" : \"2\"");
        assertThat(folder.resolve("models/accident-severity/versions/2/promotion.json"))
                .content()
                .contains("\"recent_horizon\"", "\"challenger_recent_horizon_metrics\"", "\"brier\"");
    }

    @Test
    @Order(5)
    void promoteByHandMovesTheChampionAndSaysSo(CapturedOutput output) {
        assertThat(ml("promote", "--version", "2", "--force")).isZero();

        assertThat(output.getOut()).contains("version 2 is champion (forced)");
        assertThat(folder.resolve("models/accident-severity/aliases.json"))
                .content()
                .contains("\"champion\" : \"2\"");
        assertThat(folder.resolve("models/accident-severity/versions/2/promotion.json"))
                .content()
                .contains("by hand");
    }

    @Test
    @Order(6)
    void aWrongCommandLineExitsWithTwoAndTheUsage(CapturedOutput output) {
        assertThat(ml("evaluate", "--model", "1", "--from", "20x3", "--to", "2014"))
                .isEqualTo(2);
        assertThat(output.getErr()).contains("--from must be a year like 2013", "usage: ml train");

        assertThat(ml("promote", "--force")).isEqualTo(2);
        assertThat(output.getErr()).contains("--force needs --version");

        assertThat(ml("monitor", "--since", "2020-13-01")).isEqualTo(2);
        assertThat(output.getErr()).contains("--since must be a date like 2021-01-01, not '2020-13-01'");
    }

    @Test
    @Order(7)
    void evaluatingAVersionThatDoesNotExistFailsWithOne(CapturedOutput output) {
        assertThat(ml("evaluate", "--model", "42", "--from", "2020", "--to", "2021"))
                .isEqualTo(1);
        assertThat(output.getErr()).contains("no version 42");
    }

    @Test
    @Order(8)
    void backtestTrainsAtEachCutoffPrintsTheTableAndRecordsAParentRunWithAChildPerCutoff(CapturedOutput output)
            throws Exception {
        Path plot = folder.resolve("backtest.png");

        assertThat(ml("backtest", "--cutoffs", "2012,2014", "--plot", plot.toString()))
                .isZero();

        assertThat(output.getOut())
                .contains(
                        "cutoff 2012: trained on",
                        "cutoff 2014: trained on",
                        "| 1-2 (validation) | 2 |",
                        "| 3-4 | 2 |",
                        "| 2012 | 5+ | 2017-2021 |",
                        "recorded in local folder");
        assertThat(java.nio.file.Files.readAllBytes(plot)).startsWith(0x89, 'P', 'N', 'G');
        try (var runs = java.nio.file.Files.list(folder.resolve("models/accident-severity/runs"))) {
            Path run = runs.filter(r -> r.resolve("backtest.md").toFile().exists())
                    .findFirst()
                    .orElseThrow();
            assertThat(run.resolve("run.json"))
                    .content()
                    .contains("\"backtest.cutoffs\" : \"2012,2014\"", "h3-4.ece.mean");
            assertThat(run.resolve("backtest.md")).content().contains("| 2014 | 3-4 | 2017-2018 |");
            assertThat(run.resolve("children/1/run.json"))
                    .content()
                    .contains("\"train_until_year\" : \"2012\"", "h1-2.brier");
            assertThat(run.resolve("children/2/run.json")).content().contains("\"train_until_year\" : \"2014\"");
        }
    }

    @Test
    @Order(9)
    void aBacktestTheDataCannotHoldOrAWrongOptionFailsClearly(CapturedOutput output) {
        assertThat(ml("backtest", "--cutoffs", "2020")).isEqualTo(1);
        assertThat(output.getErr()).contains("cutoff 2020 needs validation years 2021-2022, but the data ends in 2021");

        assertThat(ml("backtest", "--cutoffs", "2012,20x4")).isEqualTo(2);
        assertThat(output.getErr()).contains("--cutoffs must be years separated by commas");

        assertThat(ml("backtest", "--without-inputs", "tail_colour")).isEqualTo(2);
        assertThat(output.getErr()).contains("--without-inputs: no input named tail_colour");
    }
}
