package aero.severity.ml.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import aero.severity.domain.FlightFacts;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.explain.GlobalImportance;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TrainingOptions;

/** What a tracking run records about one training: parameters, metrics and tags. */
public record RunRecord(Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {

    public RunRecord {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
    }

    public static RunRecord of(ModelTrainer.Outcome outcome, TrainingOptions options, TrainingSet data) {
        ModelBundle bundle = outcome.bundle();
        Map<String, String> params = new LinkedHashMap<>(options.asParameters());
        params.put("data.fingerprint", data.fingerprint());
        params.put(
                "data.training_window",
                (options.split().trainFrom() == Integer.MIN_VALUE
                                ? "all years"
                                : options.split().trainFrom()) + " to "
                        + options.split().trainUntil());
        params.put(
                "data.validation_window",
                options.split().validationFrom() + " to " + options.split().validationTo());
        outcome.report().rows().forEach((name, count) -> params.put("rows." + name, Integer.toString(count)));
        params.put("features.inputs", String.join(",", inputNames()));
        params.put("features.encoded_count", Integer.toString(bundle.encoder().dimension()));
        params.put(
                "features.excluded",
                "damage,injury counts,fire,findings,occurrences,sequence of events,narratives,"
                        + "probable cause,report status,ev_type");

        Map<String, Double> metrics = new LinkedHashMap<>();
        outcome.report().validation().forEach((name, report) -> metrics.putAll(report.asFlatMetrics(name + ".")));
        outcome.report().seconds().forEach((stage, seconds) -> metrics.put("seconds." + stage, seconds));
        outcome.report()
                .shapImportance()
                .forEach((field, value) -> metrics.put(GlobalImportance.METRIC_PREFIX + field, value));

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("algorithm", bundle.metadata().algorithm());
        tags.put(
                "mlflow.runName",
                bundle.metadata().algorithm() + "-T" + options.split().trainUntil());
        return new RunRecord(params, metrics, tags);
    }

    private static java.util.List<String> inputNames() {
        return java.util.Arrays.stream(FlightFacts.class.getRecordComponents())
                .map(c -> c.getName())
                .toList();
    }
}
