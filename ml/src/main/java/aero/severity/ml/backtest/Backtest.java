package aero.severity.ml.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.evaluation.Metrics;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;

/**
 * Rolling origin: for each cutoff T, train exactly as {@code ml train} does (encoder on years up to
 * T, calibration and decision weights on the validation years after it), then score every later
 * band of years separately. The trainer is handed only the rows up to the end of T's validation
 * years, so no later row can reach a model, its encoder or its calibration.
 */
public final class Backtest {

    /** How many cutoffs the default list has. */
    public static final int DEFAULT_CUTOFFS = 5;

    private final ModelTrainer trainer;

    public Backtest(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * The last {@value #DEFAULT_CUTOFFS} even years T that leave the validation years and the two years
     * after them in the data, so that every cutoff is measured at least at horizon 3-4: 2000-2008 for
     * data ending in 2012.
     */
    public static List<Integer> defaultCutoffs(int lastYearInData, int validationYears) {
        int room = lastYearInData - validationYears - 2;
        int latest = room - Math.floorMod(room, 2);
        int first = latest - 2 * (DEFAULT_CUTOFFS - 1);
        return IntStream.iterate(first, year -> year <= latest, year -> year + 2)
                .boxed()
                .toList();
    }

    public BacktestReport run(
            TrainingSet data, TrainingOptions options, List<Integer> cutoffs, Consumer<String> progress) {
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one cutoff");
        }
        long started = System.nanoTime();
        int validationYears = options.split().validationYears();
        List<Horizon> horizons = Horizon.after(validationYears);
        int lastYear = data.events().stream()
                .mapToInt(LabelledEvent::year)
                .max()
                .orElseThrow(() -> new IllegalArgumentException("no labelled event to backtest on"));
        List<BacktestReport.Cutoff> results = new ArrayList<>();
        for (int cutoff : cutoffs.stream().sorted().distinct().toList()) {
            long t = System.nanoTime();
            TimeSplit split = new TimeSplit(options.split().trainFrom(), cutoff, validationYears);
            if (split.validationTo() > lastYear) {
                throw new IllegalArgumentException("cutoff " + cutoff + " needs validation years "
                        + split.validationFrom() + "-" + split.validationTo() + ", but the data ends in " + lastYear);
            }
            List<LabelledEvent> visible = data.events().stream()
                    .filter(e -> e.year() <= split.validationTo())
                    .toList();
            ModelTrainer.Outcome outcome = trainer.trainRegisteredOnly(
                    new TrainingSet(visible, data.droppedWithoutLabel()), options.withSplit(split), line -> {});
            CalibratedModel model = outcome.bundle().toModel(new ModelId("backtest", "T" + cutoff, null));
            List<BacktestReport.Band> bands = new ArrayList<>();
            for (Horizon horizon : horizons) {
                int from = horizon.firstYear(cutoff);
                int to = horizon.lastYear(cutoff, lastYear);
                if (from > lastYear) {
                    continue;
                }
                EvaluationReport report = horizon.isValidation()
                        ? outcome.report().validation().get(options.algorithm().id())
                        : score(
                                model,
                                data.events().stream()
                                        .filter(e -> horizon.contains(cutoff, e.year()))
                                        .toList());
                bands.add(new BacktestReport.Band(horizon, from, to, report));
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            results.add(
                    new BacktestReport.Cutoff(cutoff, outcome.report().rows().get("training"), bands, seconds));
            progress.accept(String.format(
                    "cutoff %d: trained on %,d events, scored %s in %.1f s",
                    cutoff,
                    outcome.report().rows().get("training"),
                    String.join(
                            ", ",
                            bands.stream()
                                    .map(b -> String.format(
                                            "%s (%,d events, ECE %.4f)",
                                            b.horizon().name(),
                                            b.report().rows(),
                                            b.report().ece()))
                                    .toList()),
                    seconds));
        }
        return new BacktestReport(
                options.algorithm().id(), validationYears, horizons, results, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The most recent backtest horizon for a recipe trained up to year T with v validation years: the
     * recipe retrained at cutoff T - v (calibrated on T - v + 1..T), then scored with its own shipped
     * calibration on {@code rows}, the validation years of T, which are that cutoff's horizon v+1..2v.
     * Only rows up to T reach the retrained model.
     *
     * @return empty when the data holds too little before the cutoff to train on (the reason is in the exception's place)
     */
    public Recent recentHorizon(TrainingSet data, TrainingOptions options, List<LabelledEvent> rows) {
        TimeSplit split = options.split();
        int cutoff = split.trainUntil() - split.validationYears();
        String band = String.format(
                "recipe retrained to %d, calibrated on %d-%d, scored on %d-%d (horizon %d-%d)",
                cutoff,
                cutoff + 1,
                split.trainUntil(),
                split.validationFrom(),
                split.validationTo(),
                split.validationYears() + 1,
                2 * split.validationYears());
        if (cutoff < split.trainFrom()) {
            return new Recent(null, band + " is not possible: training starts in " + split.trainFrom());
        }
        List<LabelledEvent> visible = data.events().stream()
                .filter(e -> e.year() <= split.trainUntil())
                .toList();
        try {
            TimeSplit earlier = new TimeSplit(split.trainFrom(), cutoff, split.validationYears());
            ModelTrainer.Outcome outcome = trainer.trainRegisteredOnly(
                    new TrainingSet(visible, data.droppedWithoutLabel()), options.withSplit(earlier), line -> {});
            return new Recent(score(outcome.bundle().toModel(new ModelId("backtest", "T" + cutoff, null)), rows), band);
        } catch (IllegalArgumentException e) {
            return new Recent(null, band + " is not possible: " + e.getMessage());
        }
    }

    /** A recipe's figures at the most recent horizon, or null with the reason in {@code description}. */
    public record Recent(@org.jspecify.annotations.Nullable EvaluationReport report, String description) {}

    /** The model as shipped: its own calibration and decision weights, nothing refitted on these rows. */
    public static EvaluationReport score(CalibratedModel model, List<LabelledEvent> events) {
        double[][] p = new double[events.size()][];
        int[] truth = new int[events.size()];
        int[] decisions = new int[events.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.probabilities(model.encoder().encode(events.get(i).facts()));
            decisions[i] = model.decide(p[i]).index();
            truth[i] = events.get(i).severity().index();
        }
        return Metrics.evaluate(truth, p, decisions);
    }
}
