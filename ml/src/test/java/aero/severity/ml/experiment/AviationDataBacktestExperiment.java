package aero.severity.ml.experiment;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import aero.severity.ml.backtest.Backtest;
import aero.severity.ml.backtest.BacktestReport;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Run by hand: {@code ./mvnw -pl ml test -Dtest=AviationDataBacktestExperiment -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwithout=aircraft_model,registry -Dcutoffs=2000,2002}. Not a test (never runs in the build); skips without the data.
 */
public class AviationDataBacktestExperiment {

    /** The same from a copied classpath, so the sources can be rebuilt while it runs: {@code java -cp ... -Dwithout=... }. */
    public static void main(String[] args) throws Exception {
        new AviationDataBacktestExperiment().backtestOnTheRealExtract();
    }

    @Test
    void backtestOnTheRealExtract() throws Exception {
        assumeTrue(Files.isDirectory(AviationDataCsv.FOLDER), "no real data folder");
        TrainingSet data = AviationDataCsv.read();
        for (String variant : System.getProperty("without", "").split(";", -1)) {
            Set<String> without = variant.isBlank() ? Set.of() : Set.of(variant.split(","));
            int from = Integer.parseInt(System.getProperty("trainFrom", "" + Integer.MIN_VALUE));
            TrainingOptions options =
                    TrainingOptions.defaults(new TimeSplit(from, 2010, 2)).withoutInputs(without);
            if (System.getProperty("halfLife") != null) {
                options = options.withRecencyHalfLife(Double.parseDouble(System.getProperty("halfLife")));
            }
            if (System.getProperty("cwp") != null) {
                options = options.withClassWeightPower(Double.parseDouble(System.getProperty("cwp")));
            }
            String xgb = System.getProperty("xgb");
            if (xgb != null) {
                String[] v = xgb.split(":");
                TrainingOptions.XGBoost x = options.xgboost();
                options = options.withXGBoost(new TrainingOptions.XGBoost(
                        Integer.parseInt(v[0]),
                        Double.parseDouble(v[1]),
                        Integer.parseInt(v[2]),
                        Double.parseDouble(v[3]),
                        x.subsample(),
                        Double.parseDouble(v[4]),
                        Double.parseDouble(v[5]),
                        x.gamma()));
            }
            List<Integer> cutoffs = System.getProperty("cutoffs") == null
                    ? Backtest.defaultCutoffs(2012, 2)
                    : Arrays.stream(System.getProperty("cutoffs").split(","))
                            .map(Integer::valueOf)
                            .toList();
            BacktestReport report = new Backtest(new ModelTrainer()).run(data, options, cutoffs, System.out::println);
            System.out.println("VARIANT without=" + without);
            System.out.println(report.markdown());
            for (BacktestReport.Cutoff c : report.cutoffs()) {
                for (BacktestReport.Band b : c.bands()) {
                    double confidence = b.report().reliability().stream()
                                    .mapToDouble(r -> r.meanConfidence() * r.count())
                                    .sum()
                            / b.report().rows();
                    System.out.printf(
                            "CONF T=%d %s mean top-class confidence %.4f accuracy %.4f%n",
                            c.year(), b.horizon().name(), confidence, b.report().accuracy());
                }
            }
        }
    }
}
