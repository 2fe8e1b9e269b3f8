package aero.severity.ml.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.SeverityModel;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelBundleTest {

    private static final ModelId ID = new ModelId("accident-severity", "1", null);
    private static ModelTrainer.Outcome outcome;
    private static List<FlightFacts> probes;

    @BeforeAll
    static void train() {
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2015))
                .withXGBoost(new TrainingOptions.XGBoost(40, 0.2, 5, 2, 0.8, 0.8, 1.0, 0.0));
        outcome = new ModelTrainer()
                .train(new TrainingSet(SyntheticEvents.generate(4_000, 2006, 2017, 3), 0), options, l -> {});
        probes = SyntheticEvents.generate(400, 2016, 2017, 99).stream()
                .map(LabelledEvent::facts)
                .toList();
    }

    @Test
    void theJavaTreeWalkGivesTribuosXgboostProbabilities() {
        assertSameProbabilities(outcome.all().get(Algorithm.XGBOOST), 1e-6);
    }

    @Test
    void theDirectLinearScorerGivesTribuosLogisticRegressionProbabilities() {
        assertSameProbabilities(outcome.all().get(Algorithm.LOGISTIC_REGRESSION), 1e-12);
    }

    @Test
    void aSavedModelLoadsBackWithExactlyTheSameProbabilitiesAndDecisions(@TempDir Path folder) {
        for (ModelBundle bundle : outcome.all().values()) {
            Path dir = folder.resolve(bundle.metadata().algorithm());
            bundle.writeTo(dir);
            SeverityModel before = bundle.toModel(ID);
            SeverityModel after = ModelBundle.readFrom(dir).toModel(ID);

            assertThat(after.encoder().featureNames())
                    .isEqualTo(before.encoder().featureNames());
            for (FlightFacts facts : probes) {
                double[] p = before.probabilities(before.encoder().encode(facts));
                double[] q = after.probabilities(after.encoder().encode(facts));
                assertThat(q).containsExactly(p);
                assertThat(after.decide(q)).isEqualTo(before.decide(p));
            }
        }
    }

    @Test
    void aSavedModelKeepsTheDistributionOfItsTrainingRowsAndAnOlderBundleWithoutItStillLoads(@TempDir Path folder)
            throws IOException {
        ModelBundle bundle = outcome.bundle();
        bundle.writeTo(folder.resolve("with"));

        SeverityModel loaded = ModelBundle.readFrom(folder.resolve("with")).toModel(ID);

        assertThat(bundle.trainingDistribution()).isNotNull();
        assertThat(bundle.trainingDistribution().rows())
                .isEqualTo(bundle.metadata().trainingRows());
        assertThat(loaded.trainingDistribution()).contains(bundle.trainingDistribution());
        assertThat(bundle.trainingDistribution().psi(probes).values())
                .as("later flights of the same generator")
                .allSatisfy(psi -> assertThat(psi).isLessThan(0.25));
        bundle.writeTo(folder.resolve("without"));
        java.nio.file.Files.delete(folder.resolve("without").resolve(ModelBundle.FEATURE_DISTRIBUTION));
        assertThat(ModelBundle.readFrom(folder.resolve("without")).toModel(ID).trainingDistribution())
                .isEmpty();
    }

    @Test
    void probabilitiesAreCalibratedDistributionsOverTheFourClasses() {
        SeverityModel model = outcome.bundle().toModel(ID);
        for (FlightFacts facts : probes) {
            double[] p = model.probabilities(model.encoder().encode(facts));
            assertThat(p).hasSize(4);
            assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void batchScoringMatchesOneByOne() {
        SeverityModel model = outcome.bundle().toModel(ID);
        double[][] rows = probes.stream().map(model.encoder()::encode).toArray(double[][]::new);

        double[][] batch = model.probabilities(rows);

        for (int i = 0; i < rows.length; i++) {
            assertThat(batch[i]).containsExactly(model.probabilities(rows[i]));
        }
    }

    @Test
    void aModelWithAMissingFileFailsToLoadSayingWhichFile(@TempDir Path dir) throws IOException {
        outcome.bundle().writeTo(dir);
        Files.delete(dir.resolve(ModelBundle.ENCODER));

        assertThatThrownBy(() -> ModelBundle.readFrom(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("has no encoder.json");
    }

    @Test
    void aCorruptModelFileFailsToLoadWithAModelLoadException(@TempDir Path dir) throws IOException {
        outcome.bundle().writeTo(dir);
        Files.write(dir.resolve(ModelBundle.MODEL), new byte[] {1, 2, 3, 4, 5});

        assertThatThrownBy(() -> ModelBundle.readFrom(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("cannot be rebuilt");
    }

    @Test
    void encodedFeaturesOfTheWrongLengthAreRefused() {
        SeverityModel model = outcome.bundle().toModel(ID);

        assertThatThrownBy(() -> model.probabilities(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoder()");
    }

    private static void assertSameProbabilities(ModelBundle bundle, double tolerance) {
        CalibratedModel fast = bundle.toModel(ID);
        CalibratedModel reference = bundle.toReferenceModel(ID);
        assertThat(fast.scorer()).isNotInstanceOf(TribuoScorer.class);
        for (FlightFacts facts : probes) {
            double[] x = fast.encoder().encode(facts);
            double[] expected = reference.rawProbabilities(x);
            double[] actual = fast.rawProbabilities(x);
            for (int k = 0; k < 4; k++) {
                assertThat(actual[k]).as("class %d of %s", k, facts).isCloseTo(expected[k], within(tolerance));
            }
        }
    }
}
