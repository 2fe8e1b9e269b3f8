package aero.severity.ml.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aero.severity.features.FeatureDistribution;
import aero.severity.ml.registry.RunRecord;
import aero.severity.ml.serving.ModelId;

/**
 * One monitoring run's findings: the model, its validation figures, each month, all months together,
 * and the input drift of the events after the window against the training rows (PSI per request
 * field; empty for a model saved without its training distribution).
 */
public record MonitoringReport(
        ModelId model,
        int trainUntilYear,
        LiveScore validation,
        List<LiveScore> months,
        LiveScore cumulative,
        Map<String, Double> inputDrift) {

    /** How many of the most drifted fields the printed table shows. */
    static final int DRIFT_ROWS = 8;

    public MonitoringReport {
        months = List.copyOf(months);
        inputDrift = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputDrift));
    }

    /** Every row the table gets: the months, then the cumulative one. */
    public List<LiveScore> rows() {
        List<LiveScore> rows = new ArrayList<>(months);
        rows.add(cumulative);
        return rows;
    }

    /** The tracking run: the cumulative figures as {@code live.*}, each month as {@code live.YYYY-MM.*}, tagged with the version. */
    public RunRecord run() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", model.name());
        params.put("model.version", model.version());
        params.put("model.train_until_year", Integer.toString(trainUntilYear));
        params.put("monitored_from", cumulative.from().toString());
        params.put("monitored_to", cumulative.to().toString());
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "live.", cumulative);
        put(metrics, "validation.", validation);
        for (LiveScore month : months) {
            put(metrics, "live." + month.period() + ".", month);
        }
        inputDrift.forEach((field, psi) -> metrics.put("psi." + field, psi));
        FeatureDistribution.mostDrifted(inputDrift).stream()
                .findFirst()
                .ifPresent(top -> metrics.put("psi.max", top.getValue()));
        metrics.values().removeIf(v -> v.isNaN() || v.isInfinite());
        return new RunRecord(
                params,
                metrics,
                Map.of(
                        "kind",
                        "monitor",
                        "model.version",
                        model.version(),
                        "mlflow.runName",
                        "monitor-" + model.name() + "-v" + model.version() + "-" + cumulative.to()));
    }

    private static void put(Map<String, Double> metrics, String prefix, LiveScore score) {
        metrics.put(prefix + "events", (double) score.events());
        metrics.put(prefix + "macro_f1", score.macroF1());
        metrics.put(prefix + "roc_auc_macro", score.macroRocAuc());
        metrics.put(prefix + "roc_auc_fatal_vs_rest", score.fatalRocAuc());
        metrics.put(prefix + "brier", score.brier());
        metrics.put(prefix + "ece", score.ece());
    }

    /** The printed table: validation first, then each month, then the cumulative row. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-12s %8s %6s %8s %8s %8s %8s %8s%n",
                "period",
                "events",
                "fatal",
                "macroF1",
                "AUCmacro",
                "AUCfatal",
                "Brier",
                "ECE"));
        List<LiveScore> all = new ArrayList<>();
        all.add(validation);
        all.addAll(rows());
        for (LiveScore s : all) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %8d %6d %8s %8s %8s %8s %8s%n",
                    s.period(),
                    s.events(),
                    s.fatalEvents(),
                    figure(s.macroF1()),
                    figure(s.macroRocAuc()),
                    figure(s.fatalRocAuc()),
                    figure(s.brier()),
                    figure(s.ece())));
        }
        List<Map.Entry<String, Double>> drifted = FeatureDistribution.mostDrifted(inputDrift);
        if (!drifted.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%ninput drift of these events against the training rows (PSI; > %.2f is a"
                            + " different population), most drifted first:%n",
                    FeatureDistribution.DRIFTED));
            for (Map.Entry<String, Double> field : drifted.subList(0, Math.min(DRIFT_ROWS, drifted.size()))) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-24s %8.4f%s%n",
                        field.getKey(),
                        field.getValue(),
                        field.getValue() > FeatureDistribution.DRIFTED ? "  drifted" : ""));
            }
        }
        return out.toString();
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
