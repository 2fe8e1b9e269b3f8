package aero.severity.ml.experiment;

import java.nio.file.Files;

import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Run by hand: {@code ./mvnw -pl ml test -Dtest=AviationDataExperiment -Dsurefire.failIfNoSpecifiedTests=false}.
 * Not a test (never runs in the build); skips when the real data folder is absent.
 */
public class AviationDataExperiment {

    public static void main(String[] args) throws Exception {
        new AviationDataExperiment().trainOnTheRealExtractWithT2010();
    }

    @Test
    void trainOnTheRealExtractWithT2010() throws Exception {
        assumeTrue(Files.isDirectory(AviationDataCsv.FOLDER), "no real data folder");
        TrainingSet data = AviationDataCsv.read();
        TrainingOptions options = TrainingOptions.defaults(TimeSplit.trainUntil(2010));
        String trees = System.getProperty("trees");
        if (trees != null) {
            TrainingOptions.XGBoost x = options.xgboost();
            options = options.withXGBoost(new TrainingOptions.XGBoost(
                    Integer.parseInt(trees),
                    Double.parseDouble(System.getProperty("eta", "" + x.eta())),
                    Integer.parseInt(System.getProperty("depth", "" + x.maxDepth())),
                    Double.parseDouble(System.getProperty("mcw", "" + x.minChildWeight())),
                    x.subsample(),
                    x.featureSubsample(),
                    x.lambda(),
                    x.gamma()));
        }
        if (System.getProperty("cwp") != null) {
            options = options.withClassWeightPower(Double.parseDouble(System.getProperty("cwp")));
        }
        if (System.getProperty("makes") != null) {
            String[] m = System.getProperty("makes").split(":");
            options = new TrainingOptions(
                    options.split(),
                    options.algorithm(),
                    Integer.parseInt(m[0]),
                    Integer.parseInt(m[1]),
                    options.classWeightPower(),
                    options.xgboost(),
                    options.logistic(),
                    options.calibrationFolds(),
                    options.seed(),
                    options.threads(),
                    options.withoutInputs(),
                    options.recencyHalfLifeYears());
        }
        String sweep = System.getProperty("sweep");
        if (sweep != null) {
            for (String config : sweep.split(";")) {
                String[] v = config.split(":");
                TrainingOptions.XGBoost x = options.xgboost();
                TrainingOptions o = options.withXGBoost(new TrainingOptions.XGBoost(
                        Integer.parseInt(v[0]),
                        Double.parseDouble(v[1]),
                        Integer.parseInt(v[2]),
                        Double.parseDouble(v[3]),
                        x.subsample(),
                        Double.parseDouble(v[4]),
                        Double.parseDouble(v[5]),
                        x.gamma()));
                if (v.length > 6) {
                    o = new TrainingOptions(
                            new TimeSplit(Integer.parseInt(v[6]), 2010, 2),
                            o.algorithm(),
                            o.makeLevels(),
                            o.minLevelCount(),
                            o.classWeightPower(),
                            o.xgboost(),
                            o.logistic(),
                            o.calibrationFolds(),
                            o.seed(),
                            o.threads(),
                            o.withoutInputs(),
                            o.recencyHalfLifeYears());
                }
                ModelTrainer.Outcome out = new ModelTrainer().train(data, o, line -> {});
                var r = out.report().validation().get("xgboost");
                System.out.printf(
                        "SWEEP %-30s F1 %.4f AUC macro %.4f fatal %.4f ECE %.4f Brier %.4f  %.1fs%n",
                        config,
                        r.macroF1(),
                        r.macroRocAuc(),
                        r.fatalVsRestRocAuc(),
                        r.ece(),
                        r.brier(),
                        out.report().seconds().get("train_xgboost"));
            }
            return;
        }
        ModelTrainer.Outcome outcome = new ModelTrainer().train(data, options, System.out::println);
        outcome.report().validation().forEach((name, r) -> {
            System.out.printf(
                    "%-34s F1 %.3f  P/R FATL %.2f/%.2f SERS %.2f/%.2f MINR %.2f/%.2f NONE %.2f/%.2f  AUC FATL %.3f SERS %.3f MINR %.3f NONE %.3f%n",
                    name,
                    r.macroF1(),
                    r.perClass().get(aero.severity.domain.Severity.FATL).precision(),
                    r.perClass().get(aero.severity.domain.Severity.FATL).recall(),
                    r.perClass().get(aero.severity.domain.Severity.SERS).precision(),
                    r.perClass().get(aero.severity.domain.Severity.SERS).recall(),
                    r.perClass().get(aero.severity.domain.Severity.MINR).precision(),
                    r.perClass().get(aero.severity.domain.Severity.MINR).recall(),
                    r.perClass().get(aero.severity.domain.Severity.NONE).precision(),
                    r.perClass().get(aero.severity.domain.Severity.NONE).recall(),
                    r.perClass().get(aero.severity.domain.Severity.FATL).rocAuc(),
                    r.perClass().get(aero.severity.domain.Severity.SERS).rocAuc(),
                    r.perClass().get(aero.severity.domain.Severity.MINR).rocAuc(),
                    r.perClass().get(aero.severity.domain.Severity.NONE).rocAuc());
        });
        var xgb = outcome.all()
                .get(aero.severity.ml.model.Algorithm.XGBOOST)
                .toModel(new aero.severity.ml.serving.ModelId("x", "1", null));
        var lr = outcome.all()
                .get(aero.severity.ml.model.Algorithm.LOGISTIC_REGRESSION)
                .toModel(new aero.severity.ml.serving.ModelId("x", "1", null));
        var val = outcome.validation();
        int[] y = ModelTrainer.labels(val);
        for (double w : new double[] {0.5, 0.7, 0.85}) {
            double[][] raw = new double[val.size()][];
            for (int i = 0; i < raw.length; i++) {
                double[] x = xgb.encoder().encode(val.get(i).facts());
                double[] a = xgb.rawProbabilities(x);
                double[] b = lr.rawProbabilities(x);
                raw[i] = new double[4];
                for (int k = 0; k < 4; k++) {
                    raw[i][k] = w * a[k] + (1 - w) * b[k];
                }
            }
            var r = aero.severity.ml.model.PostProcessing.crossFit(raw, y, 5, 42)
                    .report();
            System.out.printf(
                    "ENSEMBLE w=%.2f F1 %.4f AUC macro %.4f fatal %.4f ECE %.4f Brier %.4f%n",
                    w, r.macroF1(), r.macroRocAuc(), r.fatalVsRestRocAuc(), r.ece(), r.brier());
        }
        outcome.report().featureImportance().stream()
                .limit(25)
                .forEach(g -> System.out.printf("  %-40s %.2f%n", g.feature(), g.gain()));
    }
}
