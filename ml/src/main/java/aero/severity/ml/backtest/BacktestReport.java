package aero.severity.ml.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import aero.severity.ml.evaluation.EvaluationReport;

/**
 * What a backtest measured: for each cutoff, the model trained on the years up to it, scored on
 * each band of later years; and over the cutoffs, each metric's mean and spread per band.
 */
public record BacktestReport(
        String algorithm, int validationYears, List<Horizon> horizons, List<Cutoff> cutoffs, double seconds) {

    /** The metrics a backtest reports, in table order, by their flat (MLflow) names. */
    public static final Map<String, ToDoubleFunction<EvaluationReport>> METRICS = metrics();

    public BacktestReport {
        horizons = List.copyOf(horizons);
        cutoffs = List.copyOf(cutoffs);
    }

    /** One model of the backtest, trained on years up to {@code year}, scored on each band the data reaches. */
    public record Cutoff(int year, int trainingRows, List<Band> bands, double seconds) {
        public Cutoff {
            bands = List.copyOf(bands);
        }
    }

    /**
     * One band's figures. The validation band's are cross-fitted (as {@code ml train} reports them:
     * no row scored by a calibration fitted on it); later bands are scored by the model as shipped.
     */
    public record Band(Horizon horizon, int fromYear, int toYear, EvaluationReport report) {}

    /** Mean and (population) standard deviation of one metric over the cutoffs that reach a band. */
    public record Spread(double mean, double std, int n) {

        static Spread of(List<Double> values) {
            double mean =
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double variance = values.stream()
                    .mapToDouble(v -> (v - mean) * (v - mean))
                    .average()
                    .orElse(Double.NaN);
            return new Spread(mean, Math.sqrt(variance), values.size());
        }
    }

    /** Per band: how many cutoffs reach it, the mean rows, and each metric's spread over those cutoffs. */
    public record Summary(Horizon horizon, int cutoffs, double meanRows, Map<String, Spread> metrics) {}

    public List<Summary> summary() {
        List<Summary> summaries = new ArrayList<>();
        for (Horizon horizon : horizons) {
            List<Band> bands = bandsOf(horizon);
            if (bands.isEmpty()) {
                continue;
            }
            Map<String, Spread> spreads = new LinkedHashMap<>();
            METRICS.forEach((name, metric) -> spreads.put(
                    name,
                    Spread.of(bands.stream()
                            .map(b -> metric.applyAsDouble(b.report()))
                            .filter(v -> !v.isNaN())
                            .toList())));
            summaries.add(new Summary(
                    horizon,
                    bands.size(),
                    bands.stream().mapToInt(b -> b.report().rows()).average().orElse(0),
                    spreads));
        }
        return summaries;
    }

    /** The bands of every cutoff that reaches {@code horizon}. */
    public List<Band> bandsOf(Horizon horizon) {
        return cutoffs.stream()
                .flatMap(c -> c.bands().stream())
                .filter(b -> b.horizon().equals(horizon))
                .toList();
    }

    /** For a tracking server: {@code h3-4.ece.mean}, {@code h3-4.ece.std}, {@code h5_plus.rows.mean}, ... */
    public Map<String, Double> asFlatMetrics() {
        Map<String, Double> flat = new LinkedHashMap<>();
        for (Summary s : summary()) {
            String prefix = s.horizon().metricPrefix() + ".";
            flat.put(prefix + "rows.mean", s.meanRows());
            flat.put(prefix + "cutoffs", (double) s.cutoffs());
            s.metrics().forEach((name, spread) -> {
                flat.put(prefix + name + ".mean", spread.mean());
                flat.put(prefix + name + ".std", spread.std());
            });
        }
        flat.put("seconds.total", seconds);
        flat.values().removeIf(v -> v.isNaN() || v.isInfinite());
        return flat;
    }

    /** ECE, Brier and fatal ROC-AUC against the horizon, as PNG. */
    public byte[] plot() {
        return HorizonChart.png(this);
    }

    /** The two tables: mean ± spread per band over the cutoffs, then every cutoff's bands. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "Backtest of %s, %d cutoffs (%s), %.0f s%n%n",
                algorithm,
                cutoffs.size(),
                String.join(
                        ", ",
                        cutoffs.stream().map(c -> Integer.toString(c.year())).toList()),
                seconds));
        md.append(
                "| horizon (years after cutoff) | cutoffs | events (mean) | macro-F1 | OvR ROC-AUC | fatal ROC-AUC | Brier | ECE |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Summary s : summary()) {
            md.append(String.format(
                    "| %s%s | %d | %,.0f | %s | %s | %s | %s | %s |%n",
                    s.horizon().name(),
                    s.horizon().isValidation() ? " (validation)" : "",
                    s.cutoffs(),
                    s.meanRows(),
                    pm(s, "macro_f1"),
                    pm(s, "roc_auc_macro"),
                    pm(s, "roc_auc_fatal_vs_rest"),
                    pm(s, "brier"),
                    pm(s, "ece")));
        }
        md.append("\n| cutoff | horizon | years | events | macro-F1 | OvR ROC-AUC | fatal ROC-AUC | Brier | ECE |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Cutoff c : cutoffs) {
            for (Band b : c.bands()) {
                EvaluationReport r = b.report();
                md.append(String.format(
                        "| %d | %s | %d-%d | %,d | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                        c.year(),
                        b.horizon().name(),
                        b.fromYear(),
                        b.toYear(),
                        r.rows(),
                        r.macroF1(),
                        r.macroRocAuc(),
                        r.fatalVsRestRocAuc(),
                        r.brier(),
                        r.ece()));
            }
        }
        return md.toString();
    }

    private static String pm(Summary s, String metric) {
        Spread spread = s.metrics().get(metric);
        return String.format("%.4f ± %.4f", spread.mean(), spread.std());
    }

    private static Map<String, ToDoubleFunction<EvaluationReport>> metrics() {
        Map<String, ToDoubleFunction<EvaluationReport>> m = new LinkedHashMap<>();
        m.put("macro_f1", EvaluationReport::macroF1);
        m.put("accuracy", EvaluationReport::accuracy);
        m.put("roc_auc_macro", EvaluationReport::macroRocAuc);
        m.put("roc_auc_fatal_vs_rest", EvaluationReport::fatalVsRestRocAuc);
        m.put("brier", EvaluationReport::brier);
        m.put("log_loss", EvaluationReport::logLoss);
        m.put("ece", EvaluationReport::ece);
        return java.util.Collections.unmodifiableMap(m);
    }
}
