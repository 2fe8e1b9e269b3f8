package aero.severity.ml.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.ml.backtest.BacktestReport;
import aero.severity.ml.backtest.Horizon;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.registry.RunRecord;
import aero.severity.ml.training.TrainingOptions;

/**
 * A backtest as tracking runs: the parent holds the recipe, the summary over cutoffs, the table and
 * the plot; each cutoff is a child run with its bands' metrics.
 */
record BacktestRun(RunRecord parent, List<RunRecord> children, Map<String, byte[]> files) {

    static final String PLOT = "backtest_by_horizon.png";
    static final String TABLE = "backtest.md";

    static BacktestRun of(BacktestReport report, TrainingOptions options, TrainingSet data) {
        Map<String, String> params = new LinkedHashMap<>(options.asParameters());
        params.remove("train_until_year");
        params.remove("validation_years");
        params.put(
                "backtest.cutoffs",
                String.join(
                        ",",
                        report.cutoffs().stream()
                                .map(c -> Integer.toString(c.year()))
                                .toList()));
        params.put(
                "backtest.horizons",
                String.join(",", report.horizons().stream().map(Horizon::name).toList()));
        params.put("data.fingerprint", data.fingerprint());
        params.put("data.events", Integer.toString(data.events().size()));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("kind", "backtest");
        tags.put("algorithm", report.algorithm());
        tags.put(
                "mlflow.runName",
                "backtest-" + report.algorithm() + "-"
                        + params.get("backtest.cutoffs").replace(',', '-'));
        RunRecord parent = new RunRecord(params, report.asFlatMetrics(), tags);

        List<RunRecord> children = report.cutoffs().stream()
                .map(cutoff -> {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    for (BacktestReport.Band band : cutoff.bands()) {
                        String prefix = band.horizon().metricPrefix() + ".";
                        metrics.put(prefix + "rows", (double) band.report().rows());
                        BacktestReport.METRICS.forEach(
                                (name, metric) -> metrics.put(prefix + name, metric.applyAsDouble(band.report())));
                    }
                    metrics.put("rows.training", (double) cutoff.trainingRows());
                    metrics.put("seconds", cutoff.seconds());
                    metrics.values().removeIf(v -> v.isNaN() || v.isInfinite());
                    return new RunRecord(
                            Map.of(
                                    "train_until_year",
                                    Integer.toString(cutoff.year()),
                                    "validation_years",
                                    (cutoff.year() + 1) + "-" + (cutoff.year() + report.validationYears())),
                            metrics,
                            Map.of("kind", "backtest-cutoff", "mlflow.runName", "backtest-T" + cutoff.year()));
                })
                .toList();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TABLE, report.markdown().getBytes(StandardCharsets.UTF_8));
        files.put(PLOT, report.plot());
        return new BacktestRun(parent, children, files);
    }
}
