package aero.severity.ml.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import aero.severity.ml.backtest.Backtest;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;

/**
 * Scores a model, calibration and decision thresholds as shipped, on the labelled events dated on or
 * after {@code since} (by default the day after its validation years: nothing it was fitted or
 * calibrated on), per calendar month and over the whole stretch.
 */
public final class ModelMonitor {

    private ModelMonitor() {}

    /** The first day a model has not seen: 1 January after its validation years. */
    public static LocalDate firstUnseenDay(ModelBundle bundle) {
        return LocalDate.of(bundle.metadata().validationToYear() + 1, 1, 1);
    }

    /**
     * Scores the model on the events from {@code since}, per month and all together.
     *
     * @param events labelled events; those before {@code since} are left out
     * @param until  the end of the cumulative period (the day the run looks from)
     */
    public static MonitoringReport score(
            ModelId id, ModelBundle bundle, List<LabelledEvent> events, LocalDate since, LocalDate until) {
        CalibratedModel model = bundle.toModel(id);
        List<LabelledEvent> unseen = events.stream()
                .filter(e -> !e.facts().eventDate().isBefore(since))
                .toList();
        Map<YearMonth, List<LabelledEvent>> byMonth = new TreeMap<>();
        for (LabelledEvent event : unseen) {
            byMonth.computeIfAbsent(YearMonth.from(event.facts().eventDate()), m -> new ArrayList<>())
                    .add(event);
        }
        List<LiveScore> months = new ArrayList<>();
        byMonth.forEach((month, inMonth) -> months.add(
                LiveScore.of(month.toString(), month.atDay(1), month.atEndOfMonth(), Backtest.score(model, inMonth))));
        LocalDate lastEvent = unseen.stream()
                .map(e -> e.facts().eventDate())
                .max(LocalDate::compareTo)
                .orElse(since);
        LocalDate to = until.isBefore(lastEvent) ? lastEvent : until;
        LiveScore cumulative = unseen.isEmpty()
                ? LiveScore.none(LiveScore.CUMULATIVE, since, to)
                : LiveScore.of(LiveScore.CUMULATIVE, since, to, Backtest.score(model, unseen));
        LiveScore validation = LiveScore.validation(
                ModelBundle.readJson(bundle.metricsJson()),
                bundle.metadata().algorithm(),
                bundle.metadata().validationFromYear(),
                bundle.metadata().validationToYear());
        Map<String, Double> inputDrift = bundle.trainingDistribution() == null || unseen.isEmpty()
                ? Map.of()
                : bundle.trainingDistribution()
                        .psi(unseen.stream().map(LabelledEvent::facts).toList());
        return new MonitoringReport(id, bundle.metadata().trainUntilYear(), validation, months, cumulative, inputDrift);
    }
}
