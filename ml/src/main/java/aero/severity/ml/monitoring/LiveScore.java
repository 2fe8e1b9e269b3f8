package aero.severity.ml.monitoring;

import java.time.LocalDate;
import java.util.Map;

import aero.severity.domain.Severity;
import aero.severity.ml.evaluation.EvaluationReport;

/**
 * How a model scored over one period: a month ({@code 2021-03}), everything since its window
 * ({@value #CUMULATIVE}) or its own validation years ({@value #VALIDATION}). A metric the period
 * cannot define (an AUC with one class present, anything on no events) is NaN.
 */
public record LiveScore(
        String period,
        LocalDate from,
        LocalDate to,
        int events,
        int fatalEvents,
        double macroF1,
        double macroRocAuc,
        double fatalRocAuc,
        double brier,
        double ece) {

    public static final String CUMULATIVE = "cumulative";
    public static final String VALIDATION = "validation";

    static LiveScore of(String period, LocalDate from, LocalDate to, EvaluationReport report) {
        return new LiveScore(
                period,
                from,
                to,
                report.rows(),
                report.perClass().get(Severity.FATL).support(),
                report.macroF1(),
                report.macroRocAuc(),
                report.fatalVsRestRocAuc(),
                report.brier(),
                report.ece());
    }

    static LiveScore none(String period, LocalDate from, LocalDate to) {
        return new LiveScore(period, from, to, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The model's validation figures as its {@code metrics.json} holds them ({@code validation.<algorithm>}:
     * an {@link EvaluationReport} written by Jackson); NaN where the file lacks them.
     */
    static LiveScore validation(Map<String, Object> metrics, String algorithm, int fromYear, int toYear) {
        Object all = metrics.get("validation");
        Object mine = all instanceof Map<?, ?> byName ? byName.get(algorithm) : null;
        Map<?, ?> report = mine instanceof Map<?, ?> m ? m : Map.of();
        Object perClass = report.get("perClass");
        Object fatal = perClass instanceof Map<?, ?> classes ? classes.get(Severity.FATL.name()) : null;
        double fatalEvents = fatal instanceof Map<?, ?> f ? number(f.get("support")) : Double.NaN;
        return new LiveScore(
                VALIDATION,
                LocalDate.of(fromYear, 1, 1),
                LocalDate.of(toYear, 12, 31),
                (int) number(report.get("rows")),
                Double.isNaN(fatalEvents) ? 0 : (int) fatalEvents,
                number(report.get("macroF1")),
                number(report.get("macroRocAuc")),
                number(report.get("fatalVsRestRocAuc")),
                number(report.get("brier")),
                number(report.get("ece")));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
