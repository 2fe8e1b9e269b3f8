package aero.severity.ml.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.features.RequestField;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.experiment.AviationDataCsv;
import aero.severity.ml.model.Algorithm;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.LinearScorer;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.model.TreeEnsembleScorer;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ScoreAttribution;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import aero.severity.testing.RealNtsbData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Local accuracy of the explanations of trained models: base value + contributions = raw score, per
 * class, to 1e-6, and the stated calibration turns the raw scores into the served probabilities.
 */
class ScoreAttributionTest {

    private static final ModelId ID = new ModelId("accident-severity", "1", null);
    private static ModelTrainer.Outcome outcome;
    private static List<FlightFacts> rows;

    @BeforeAll
    static void train() {
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2015))
                .withXGBoost(new TrainingOptions.XGBoost(60, 0.2, 6, 2, 0.8, 0.8, 1.0, 0.0));
        outcome = new ModelTrainer()
                .train(new TrainingSet(SyntheticEvents.generate(5_000, 2006, 2017, 5), 0), options, l -> {});
        rows = SyntheticEvents.generate(3_000, 2006, 2019, 77).stream()
                .map(LabelledEvent::facts)
                .toList();
    }

    private static CalibratedModel model(Algorithm algorithm) {
        return outcome.all().get(algorithm).toModel(ID);
    }

    @Test
    void treeContributionsAddUpToTheRawScoreOnThreeThousandGeneratedRows() {
        assertLocalAccuracy(model(Algorithm.XGBOOST), rows);
    }

    @Test
    void linearContributionsAddUpToTheRawScoreOnThreeThousandGeneratedRows() {
        assertLocalAccuracy(model(Algorithm.LOGISTIC_REGRESSION), rows);
    }

    /** The shared NTSB extracts (SEVERITY_NTSB_DATA, else ../shared/data/ntsb beside the repository); skipped without them. */
    @Test
    void contributionsAddUpToTheRawScoreOnTheRealSharedData() throws IOException {
        Path folder = RealNtsbData.folder();
        Assumptions.assumeTrue(
                Files.isRegularFile(folder.resolve("aviationdata_1982_2012.csv.gz")),
                "the real NTSB extracts are not at " + folder);
        TrainingSet real = AviationDataCsv.read(folder);
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2010))
                .withXGBoost(new TrainingOptions.XGBoost(60, 0.2, 6, 2, 0.8, 0.8, 1.0, 0.0));
        ModelTrainer.Outcome trained = new ModelTrainer().train(real, options, l -> {});
        List<FlightFacts> validation = trained.validation().stream()
                .limit(3_000)
                .map(LabelledEvent::facts)
                .toList();

        assertThat(validation).hasSizeGreaterThan(2_000);
        for (ModelBundle bundle : trained.all().values()) {
            assertLocalAccuracy(bundle.toModel(ID), validation);
        }
    }

    @Test
    void theStatedCalibrationTurnsTheRawScoresIntoTheServedProbabilities() {
        for (Algorithm algorithm : Algorithm.values()) {
            CalibratedModel model = model(algorithm);
            for (FlightFacts facts : rows.subList(0, 500)) {
                double[] x = model.encoder().encode(facts);

                ScoreAttribution attribution = model.explain(x);

                assertThat(attribution.calibrationScale())
                        .isEqualTo(model.calibration().scale());
                assertThat(attribution.calibratedProbabilities()).containsExactly(model.probabilities(x), within(1e-6));
            }
        }
    }

    @Test
    void addingColumnsUpToRequestFieldsKeepsEachClassesSum() {
        CalibratedModel model = model(Algorithm.XGBOOST);
        List<RequestField> fields = model.encoder().requestFields();
        for (FlightFacts facts : rows.subList(0, 500)) {
            ScoreAttribution attribution = model.explain(model.encoder().encode(facts));

            double[][] byField = attribution.byField(fields);

            for (int k = 0; k < attribution.classes(); k++) {
                double columns =
                        java.util.Arrays.stream(attribution.byColumn()[k]).sum();
                assertThat(java.util.Arrays.stream(byField[k]).sum()).isCloseTo(columns, within(1e-9));
            }
        }
    }

    @Test
    void theLinearBaseValueIsTheScoreOfTheTrainingMeanRow() {
        CalibratedModel model = model(Algorithm.LOGISTIC_REGRESSION);
        LinearScorer scorer = (LinearScorer) model.scorer();
        double[][] training = ModelTrainer.encode(
                model.encoder(), outcome.validation()); // any rows: the base does not depend on them
        double[] mean = new double[model.encoder().dimension()];
        List<LabelledEvent> trainingRows = SyntheticEvents.generate(5_000, 2006, 2017, 5).stream()
                .filter(e -> e.facts().eventDate().getYear() <= 2015)
                .toList();
        for (LabelledEvent event : trainingRows) {
            double[] x = model.encoder().encode(event.facts());
            for (int j = 0; j < mean.length; j++) {
                mean[j] += x[j] / trainingRows.size();
            }
        }

        ScoreAttribution attribution = scorer.attribute(training[0]);

        double[] atMean = scorer.rawScores(mean);
        for (int k = 0; k < atMean.length; k++) {
            assertThat(attribution.baseValues()[k]).isCloseTo(atMean[k], within(1e-6));
        }
    }

    @Test
    void globalImportanceIsTheMeanAbsoluteContributionPerFieldLargestFirst() {
        CalibratedModel model = model(Algorithm.XGBOOST);
        List<RequestField> fields = model.encoder().requestFields();
        double[][] x =
                rows.subList(0, 300).stream().map(model.encoder()::encode).toArray(double[][]::new);

        GlobalImportance importance = GlobalImportance.of(fields, model::explain, x);

        assertThat(importance.meanAbsoluteContribution()).hasSize(fields.size());
        List<Double> values = List.copyOf(importance.meanAbsoluteContribution().values());
        assertThat(values).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(values.get(0)).isPositive();
        int f = fields.indexOf(fields.stream()
                .filter(r -> r.name().equals("flightPhase"))
                .findFirst()
                .orElseThrow());
        double expected = 0;
        for (double[] row : x) {
            for (double[] perClass : model.explain(row).byField(fields)) {
                expected += Math.abs(perClass[f]) / (x.length * 4.0);
            }
        }
        assertThat(importance.meanAbsoluteContribution().get("flightPhase")).isCloseTo(expected, within(1e-12));
        assertThat(importance.asMetrics()).containsKey("shap.flightPhase");
    }

    private static void assertLocalAccuracy(CalibratedModel model, List<FlightFacts> facts) {
        for (FlightFacts row : facts) {
            double[] x = model.encoder().encode(row);
            double[] raw = model.scorer() instanceof TreeEnsembleScorer trees
                    ? trees.rawScores(x)
                    : ((LinearScorer) model.scorer()).rawScores(x);

            ScoreAttribution attribution = model.explain(x);

            for (int k = 0; k < raw.length; k++) {
                assertThat(attribution.rawScore(k)).as("class %d", k).isCloseTo(raw[k], within(1e-6));
            }
        }
    }
}
