package aero.severity.ml.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import aero.severity.ml.backtest.Backtest;
import aero.severity.ml.backtest.BacktestReport;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.MlflowClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real MLflow tracking server of scripts/services.sh: train, register, gate, load back. */
@ExtendWith(RealServicesExtension.class)
class MlflowModelRegistryIT {

    /** A model name of its own: the server keeps what earlier runs registered. */
    private static final String MODEL =
            "accident-severity-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static MlflowModelRegistry registry;
    private static TrainAndRegister.Result first;
    private static TrainAndRegister.Result second;

    @BeforeAll
    static void trainTwice(RealServices services) {
        registry = new MlflowModelRegistry(URI.create(services.mlflowUri()), MODEL, MODEL, Duration.ofSeconds(10));
        TrainAndRegister pipeline = new TrainAndRegister(registry, new ModelTrainer());
        first = pipeline.run(TrainedModels.DATA, TrainedModels.good(), line -> {});
        second = pipeline.run(TrainedModels.DATA, TrainedModels.weak(), line -> {});
    }

    @Test
    void eachTrainingIsARegisteredVersionWithItsRun() {
        assertThat(first.version())
                .isEqualTo(new ModelId(MODEL, "1", first.version().runId()));
        assertThat(second.version().version()).isEqualTo("2");
        assertThat(first.version().runId())
                .isNotBlank()
                .isNotEqualTo(second.version().runId());
    }

    @Test
    void theBetterFirstModelIsChampionAndTheWorseSecondStaysChallenger() {
        assertThat(registry.findByAlias(ModelRegistry.CHAMPION)).contains(first.version());
        assertThat(registry.findByAlias(ModelRegistry.CHALLENGER)).contains(second.version());
        assertThat(second.decision().promote()).isFalse();
        assertThat(registry.versionTags(second.version()))
                .containsEntry("promotion.decision", "challenger")
                .hasEntrySatisfying(
                        "promotion.reason", reason -> assertThat(reason).startsWith("stays challenger"));
        assertThat(registry.versionTags(first.version())).containsEntry("promotion.decision", "champion");
    }

    @Test
    void theRunRecordsParamsMetricsAndTheDecision(RealServices services) {
        MlflowClient client = new MlflowClient(services.mlflowUri());
        try {
            Run run = client.getRun(second.version().runId());
            Map<String, String> params = run.getData().getParamsList().stream()
                    .collect(Collectors.toMap(p -> p.getKey(), p -> p.getValue()));
            Map<String, Double> metrics = run.getData().getMetricsList().stream()
                    .collect(Collectors.toMap(m -> m.getKey(), m -> m.getValue()));
            Map<String, String> tags =
                    run.getData().getTagsList().stream().collect(Collectors.toMap(t -> t.getKey(), t -> t.getValue()));

            assertThat(params)
                    .containsEntry("xgboost.trees", "2")
                    .containsEntry("train_until_year", "2017")
                    .containsEntry("data.fingerprint", TrainedModels.DATA.fingerprint())
                    .containsKeys("features.inputs", "rows.training", "rows.validation", "rows.dropped_without_label");
            assertThat(metrics)
                    .containsKeys(
                            "xgboost.macro_f1",
                            "xgboost.ece",
                            "xgboost.roc_auc_fatal_vs_rest",
                            "logistic_regression.brier",
                            "majority.macro_f1",
                            "class_prior.brier",
                            "gate.challenger.macro_f1",
                            "gate.champion.macro_f1",
                            "gate.challenger.recent.brier",
                            "gate.champion.recent.brier",
                            "gate.challenger.recent.ece");
            assertThat(metrics.get("gate.challenger.recent.brier"))
                    .as("the two-stump recipe is worse at the horizon too")
                    .isGreaterThan(metrics.get("gate.champion.recent.brier"));
            assertThat(tags)
                    .containsEntry("promotion.decision", "challenger")
                    .containsKey("promotion.reason")
                    .containsEntry(
                            "promotion.recent_horizon",
                            "recipe retrained to 2015, calibrated on 2016-2017, scored on 2018-2019 (horizon 3-4)");
        } finally {
            client.close();
        }
    }

    @Test
    void theArtifactsAreOnTheServer(RealServices services) throws Exception {
        HttpResponse<String> listing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(services.mlflowUri() + "/api/2.0/mlflow/artifacts/list?run_id="
                                                + first.version().runId()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(listing.body())
                .contains(
                        ModelBundle.MODEL,
                        ModelBundle.ENCODER,
                        ModelBundle.METRICS,
                        ModelBundle.CONFUSION_PNG,
                        ModelBundle.RELIABILITY_PNG,
                        ModelBundle.POSTPROCESSING);
    }

    @Test
    void theChampionLoadsBackWithTheSamePredictions() {
        SeverityModel loaded =
                registry.load(registry.findByAlias(ModelRegistry.CHAMPION).orElseThrow());
        SeverityModel trained = first.outcome().bundle().toModel(first.version());

        assertThat(loaded.id()).isEqualTo(first.version());
        for (LabelledEvent probe : TrainedModels.PROBES) {
            double[] expected = trained.probabilities(trained.encoder().encode(probe.facts()));
            double[] actual = loaded.probabilities(loaded.encoder().encode(probe.facts()));
            assertThat(actual).containsExactly(expected);
            assertThat(loaded.decide(actual)).isEqualTo(trained.decide(expected));
        }
    }

    @Test
    void anAliasThatIsNotSetAndAModelThatDoesNotExistAreBothEmpty(RealServices services) {
        assertThat(registry.findByAlias("staging")).isEmpty();
        MlflowModelRegistry nothing = new MlflowModelRegistry(
                URI.create(services.mlflowUri()),
                "no-such-model-" + UUID.randomUUID(),
                "unused",
                Duration.ofSeconds(5));
        assertThat(nothing.findByAlias(ModelRegistry.CHAMPION)).isEmpty();
    }

    @Test
    void anUnreachableServerIsAModelLoadExceptionNotAHang() {
        MlflowModelRegistry down =
                new MlflowModelRegistry(URI.create("http://127.0.0.1:9"), MODEL, MODEL, Duration.ofSeconds(2));

        assertThatThrownBy(() -> down.findByAlias(ModelRegistry.CHAMPION))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("unreachable");
        assertThatThrownBy(() -> down.load(first.version())).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void aVersionThatDoesNotExistIsAModelLoadException() {
        assertThatThrownBy(() -> registry.load(new ModelId(MODEL, "999", null))).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void aBacktestIsOneParentRunWithItsFilesAndAChildRunPerCutoff(RealServices services) throws Exception {
        BacktestReport report = new Backtest(new ModelTrainer())
                .run(TrainedModels.DATA, TrainedModels.good(), java.util.List.of(2013, 2015), line -> {});
        java.util.List<RunRecord> children = report.cutoffs().stream()
                .map(c -> new RunRecord(
                        Map.of("train_until_year", Integer.toString(c.year())),
                        Map.of("rows.training", (double) c.trainingRows()),
                        Map.of("mlflow.runName", "backtest-T" + c.year())))
                .toList();

        String parentId = registry.logRuns(
                new RunRecord(
                        Map.of("backtest.cutoffs", "2013,2015"), report.asFlatMetrics(), Map.of("kind", "backtest")),
                children,
                Map.of("backtest.md", report.markdown().getBytes(), "plot.png", report.plot()));

        MlflowClient client = new MlflowClient(services.mlflowUri());
        try {
            Run parent = client.getRun(parentId);
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(parent.getData().getMetricsList())
                    .extracting(m -> m.getKey())
                    .contains("h1-2.ece.mean", "h3-4.brier.std", "h5_plus.roc_auc_fatal_vs_rest.mean");
            String experiment = parent.getInfo().getExperimentId();
            java.util.List<String> nested =
                    client
                            .searchRuns(java.util.List.of(experiment), "tags.mlflow.parentRunId = '" + parentId + "'")
                            .stream()
                            .map(info -> client.getRun(info.getRunId())
                                    .getData()
                                    .getParamsList()
                                    .get(0)
                                    .getValue())
                            .toList();
            assertThat(nested).containsExactlyInAnyOrder("2013", "2015");
        } finally {
            client.close();
        }
        HttpResponse<String> listing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        services.mlflowUri() + "/api/2.0/mlflow/artifacts/list?run_id=" + parentId))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(listing.body()).contains("backtest.md", "plot.png");
    }
}
