package aero.severity.ml.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

import aero.severity.domain.Severity;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.backtest.Backtest;
import aero.severity.ml.backtest.BacktestReport;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.dataset.TrainingSetQuery;
import aero.severity.ml.evaluation.Charts;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.evaluation.Metrics;
import aero.severity.ml.explain.GlobalImportance;
import aero.severity.ml.model.Algorithm;
import aero.severity.ml.model.CalibratedModel;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.monitoring.ModelMonitor;
import aero.severity.ml.monitoring.MonitoringReport;
import aero.severity.ml.monitoring.MonitoringTable;
import aero.severity.ml.monitoring.RetrainCheck;
import aero.severity.ml.monitoring.RetrainPolicy;
import aero.severity.ml.registry.ModelStore;
import aero.severity.ml.registry.PromotionDecision;
import aero.severity.ml.registry.PromotionGate;
import aero.severity.ml.registry.RunRecord;
import aero.severity.ml.registry.TrainAndRegister;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The five commands. Exit code 0 on success, 1 when the work failed, 2 for a wrong command line, and for
 * {@code monitor --decide} {@value #RETRAIN_NOT_DUE} when no retrain is due.
 */
@Component
class MlCommands implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = """
            usage: ml train    [--train-until YEAR] [--train-from YEAR] [--algorithm xgboost|logistic_regression]
                               [--without-inputs INPUT,...]
                   ml backtest [--cutoffs YEAR,YEAR,...] [--train-from YEAR] [--algorithm xgboost|logistic_regression]
                               [--without-inputs INPUT,...] [--plot FILE.png]
                   ml evaluate --model VERSION|champion|challenger|FOLDER --from YEAR --to YEAR
                   ml promote  [--version VERSION [--force]]
                   ml monitor  [--model VERSION|champion|challenger|FOLDER] [--since DATE] [--decide]
            """;

    /** {@code ml monitor --decide}'s exit code when the champion needs no retrain (0: it does). */
    static final int RETRAIN_NOT_DUE = 10;

    private final DataSource dataSource;
    private final ModelStore store;
    private final TrainingProperties training;
    private final RetrainCheck retrainCheck;
    private final PrintStream out = System.out;
    private int exitCode;

    MlCommands(DataSource dataSource, ModelStore store, TrainingProperties training, RetrainPolicy retrainPolicy) {
        this.dataSource = dataSource;
        this.store = store;
        this.training = training;
        this.retrainCheck = new RetrainCheck(retrainPolicy, store, dataSource);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            CommandLine line = CommandLine.parse(arguments.getSourceArgs(), Set.of("force", "decide"));
            if (line.command() == null) {
                throw new CommandLine.UsageException("no command given");
            }
            switch (line.command()) {
                case "train" -> train(line);
                case "backtest" -> backtest(line);
                case "evaluate" -> evaluate(line);
                case "promote" -> promote(line);
                case "monitor" -> monitor(line);
                default -> throw new CommandLine.UsageException("unknown command '" + line.command() + "'");
            }
        } catch (CommandLine.UsageException e) {
            System.err.println("ml: " + e.getMessage());
            System.err.print(USAGE);
            exitCode = 2;
        } catch (RuntimeException e) {
            System.err.println("ml: failed: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void train(CommandLine line) {
        line.allowOnly(Set.of("train-until", "train-from", "algorithm", "without-inputs"));
        int trainUntil = Optional.ofNullable(line.year("train-until")).orElse(training.trainUntil());
        Integer trainFrom = Optional.ofNullable(line.year("train-from")).orElse(training.trainFrom());
        TimeSplit split = new TimeSplit(
                trainFrom == null ? Integer.MIN_VALUE : trainFrom, trainUntil, training.validationYears());
        TrainingOptions options = options(line, split);
        Consumer<String> progress = progress();

        progress.accept("reading the training set (events up to " + split.validationTo() + ") from the database");
        TrainingSet data =
                new TrainingSetQuery(dataSource).read(trainFrom == null ? 1962 : trainFrom, split.validationTo());
        progress.accept(String.format(
                "read %,d labelled events (%,d without label dropped); fingerprint %s",
                data.events().size(),
                data.droppedWithoutLabel(),
                data.fingerprint().substring(0, 12)));
        TrainAndRegister.Result result = new TrainAndRegister(store, new ModelTrainer()).run(data, options, progress);
        out.println();
        printTable(result.outcome().report().validation());
        out.printf(
                "%nversion %s is %s: %s%n",
                result.version().version(),
                result.decision().outcome(),
                result.decision().reason());
    }

    private void backtest(CommandLine line) {
        line.allowOnly(Set.of("cutoffs", "train-from", "algorithm", "without-inputs", "plot"));
        Integer trainFrom = Optional.ofNullable(line.year("train-from")).orElse(training.trainFrom());
        List<Integer> cutoffs = line.years("cutoffs");
        Consumer<String> progress = progress();
        progress.accept("reading every labelled event from the database");
        TrainingSet data = new TrainingSetQuery(dataSource).read(trainFrom == null ? 1962 : trainFrom, 2100);
        if (data.events().isEmpty()) {
            throw new IllegalStateException("no labelled event in the database to backtest on");
        }
        int lastYear = data.events().get(data.events().size() - 1).year();
        if (cutoffs == null) {
            cutoffs = Backtest.defaultCutoffs(lastYear, training.validationYears());
        }
        progress.accept(String.format(
                "read %,d labelled events up to %d; cutoffs %s", data.events().size(), lastYear, cutoffs));
        TrainingOptions options = options(
                line,
                new TimeSplit(
                        trainFrom == null ? Integer.MIN_VALUE : trainFrom, cutoffs.get(0), training.validationYears()));
        BacktestReport report = new Backtest(new ModelTrainer()).run(data, options, cutoffs, progress);
        BacktestRun run = BacktestRun.of(report, options, data);
        String where = store.logRuns(run.parent(), run.children(), run.files());
        if (line.option("plot") != null) {
            writeFile(Path.of(line.option("plot")), run.files().get(BacktestRun.PLOT));
        }
        out.println();
        out.print(report.markdown());
        out.printf("%nrecorded in %s: %s%n", store.describe(), where);
    }

    private TrainingOptions options(CommandLine line, TimeSplit split) {
        Algorithm algorithm =
                algorithm(Optional.ofNullable(line.option("algorithm")).orElse(training.algorithm()));
        String without = line.option("without-inputs");
        Set<String> inputs = without == null || without.isBlank() ? Set.of() : Set.of(without.split(","));
        List<String> unknown = inputs.stream()
                .filter(i -> !FeatureEncoder.inputNames().contains(i))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.UsageException("--without-inputs: no input named " + String.join(", ", unknown)
                    + " (inputs: " + String.join(", ", FeatureEncoder.inputNames()) + ")");
        }
        return TrainingOptions.defaults(split).withAlgorithm(algorithm).withoutInputs(inputs);
    }

    private static void writeFile(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private void evaluate(CommandLine line) {
        line.allowOnly(Set.of("model", "from", "to"));
        String reference = require(line, "model");
        Integer from = line.year("from");
        Integer to = line.year("to");
        if (from == null || to == null) {
            throw new CommandLine.UsageException("evaluate needs --from YEAR and --to YEAR");
        }
        if (from > to) {
            throw new CommandLine.UsageException("--from " + from + " is after --to " + to);
        }
        ModelBundle bundle = resolve(reference).bundle();
        CalibratedModel model = bundle.toModel(new ModelId("evaluated", reference, null));
        if (from <= bundle.metadata().trainUntilYear()) {
            out.printf(
                    "warning: %d-%d overlaps the model's training years (up to %d): these figures are not out of sample%n",
                    from, to, bundle.metadata().trainUntilYear());
        }
        TrainingSet data = new TrainingSetQuery(dataSource).read(from, to);
        if (data.events().isEmpty()) {
            throw new IllegalStateException("no labelled event in " + from + "-" + to + " in the database");
        }
        List<LabelledEvent> events = data.events();
        int[] truth = ModelTrainer.labels(events);
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        reports.put(bundle.metadata().algorithm(), Backtest.score(model, events));
        double[] prior = trainingPrior(bundle);
        if (prior != null) {
            double[][] priorP = new double[events.size()][];
            int[] majority = new int[events.size()];
            java.util.Arrays.fill(priorP, prior);
            java.util.Arrays.fill(majority, Metrics.argmax(prior));
            reports.put("class_prior (training frequencies)", Metrics.evaluate(truth, priorP, majority));
        }
        out.printf(
                "%s on %d-%d: %,d events (%,d without label dropped), calibration and thresholds as shipped%n",
                reference, from, to, events.size(), data.droppedWithoutLabel());
        printTable(reports);
        GlobalImportance importance = importance(model, events);
        Map<String, Double> metrics = new LinkedHashMap<>();
        reports.forEach((name, report) -> metrics.putAll(
                report.asFlatMetrics((name.equals(bundle.metadata().algorithm()) ? name : "class_prior") + ".")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (importance != null) {
            metrics.putAll(importance.asMetrics());
            files.put(
                    ModelBundle.SHAP_IMPORTANCE_PNG,
                    Charts.importance(
                            importance.meanAbsoluteContribution(),
                            importance.rows(),
                            "Mean |contribution| per field: " + reference + ", " + from + "-" + to));
        }
        String where = store.logRuns(
                new RunRecord(
                        Map.of(
                                "model",
                                reference,
                                "algorithm",
                                bundle.metadata().algorithm(),
                                "evaluated_years",
                                from + "-" + to,
                                "rows",
                                Integer.toString(events.size()),
                                "model.train_until_year",
                                Integer.toString(bundle.metadata().trainUntilYear())),
                        metrics,
                        Map.of("kind", "evaluate", "mlflow.runName", "evaluate-" + reference + "-" + from + "-" + to)),
                List.of(),
                files);
        out.printf("%nrecorded in %s: %s%n", store.describe(), where);
    }

    /** Global importance on the evaluated rows: mean |contribution| per request field, the 15 largest. */
    /** Mean |contribution| per field on the evaluated rows, printed (top 15); null for a model that cannot explain. */
    private @org.jspecify.annotations.Nullable GlobalImportance importance(
            CalibratedModel model, List<LabelledEvent> events) {
        if (!model.canExplain()) {
            return null;
        }
        double[][] rows = new double[events.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = model.encoder().encode(events.get(i).facts());
        }
        GlobalImportance importance = GlobalImportance.of(model.encoder().requestFields(), model::explain, rows);
        out.printf(
                "%nmean |contribution| to the raw score per field (log-odds, mean over rows and classes), top 15:%n");
        importance.top(15).forEach(e -> out.printf("  %-24s %8.4f%n", e.getKey(), e.getValue()));
        return importance;
    }

    private void promote(CommandLine line) {
        line.allowOnly(Set.of("version", "force"));
        String version = line.option("version");
        if (line.flag("force") && version == null) {
            throw new CommandLine.UsageException("--force needs --version: name the version you vouch for");
        }
        ModelId candidate = version == null
                ? store.findByAlias(ModelRegistry.CHALLENGER)
                        .orElseThrow(() -> new IllegalStateException("there is no challenger to promote"))
                : new ModelId(
                        store.findByAlias(ModelRegistry.CHALLENGER)
                                .map(ModelId::name)
                                .orElse("accident-severity"),
                        version,
                        null);
        ModelBundle bundle = store.loadBundle(candidate);
        if (line.flag("force")) {
            store.setAlias(ModelRegistry.CHAMPION, candidate);
            store.recordDecision(
                    candidate,
                    new PromotionDecision(true, "promoted by hand (--force), gate not run", null, null, null));
            out.printf("version %s is champion (forced)%n", candidate.version());
            return;
        }
        Optional<ModelId> championId = store.findByAlias(ModelRegistry.CHAMPION);
        if (championId.isPresent() && championId.get().version().equals(candidate.version())) {
            out.printf("version %s already is the champion%n", candidate.version());
            return;
        }
        ModelBundle championBundle = null;
        if (championId.isPresent()) {
            try {
                championBundle = store.loadBundle(championId.get());
            } catch (ModelLoadException e) {
                throw new IllegalStateException(
                        "the champion (version " + championId.get().version() + ") cannot be loaded to compare: "
                                + e.getMessage() + "; use --version N --force to replace it",
                        e);
            }
        }
        String from = bundle.metadata().hyperparameters().get("train_from_year");
        TrainingSet data = new TrainingSetQuery(dataSource)
                .read(
                        from == null ? 1962 : Integer.parseInt(from),
                        bundle.metadata().validationToYear());
        List<LabelledEvent> validation = data.events().stream()
                .filter(e -> e.year() >= bundle.metadata().validationFromYear())
                .toList();
        PromotionGate.Horizon horizon = championBundle == null
                ? PromotionGate.Horizon.notMeasured("no champion to compare")
                : PromotionGate.Horizon.measure(
                        new ModelTrainer(), data, bundle, championBundle, validation, progress());
        PromotionDecision decision = new PromotionGate(5, 42L)
                .decide(
                        bundle.toModel(candidate),
                        championBundle == null ? null : championBundle.toModel(championId.get()),
                        validation,
                        horizon);
        store.recordDecision(candidate, decision);
        if (decision.promote()) {
            store.setAlias(ModelRegistry.CHAMPION, candidate);
        }
        out.printf("version %s is %s: %s%n", candidate.version(), decision.outcome(), decision.reason());
    }

    /**
     * Scores the model on the labelled events it never saw (dated after its validation years, or from
     * {@code --since}), per month and since then; keeps the run in {@code model_monitoring} and the store.
     */
    private void monitor(CommandLine line) {
        line.allowOnly(Set.of("model", "since", "decide"));
        boolean decide = line.flag("decide");
        if (decide && line.option("model") != null) {
            throw new CommandLine.UsageException("--decide judges the champion: leave out --model");
        }
        if (line.option("model") == null
                && store.findByAlias(ModelRegistry.CHAMPION).isEmpty()) {
            out.printf("no champion in %s yet: nothing to monitor%n", store.describe());
            if (decide) {
                verdict(retrainCheck.noChampion());
            }
            return;
        }
        Resolved model = resolve(Optional.ofNullable(line.option("model")).orElse(ModelRegistry.CHAMPION));
        LocalDate firstUnseen = ModelMonitor.firstUnseenDay(model.bundle());
        LocalDate since = Optional.ofNullable(line.date("since")).orElse(firstUnseen);
        if (since.isBefore(firstUnseen)) {
            out.printf(
                    "warning: --since %s is inside the model's training and validation years (up to %d): these figures are not out of sample%n",
                    since, firstUnseen.getYear() - 1);
        }
        TrainingSet data = new TrainingSetQuery(dataSource)
                .read(since.getYear(), LocalDate.now(ZoneOffset.UTC).getYear() + 1);
        MonitoringReport report =
                ModelMonitor.score(model.id(), model.bundle(), data.events(), since, LocalDate.now(ZoneOffset.UTC));
        out.printf(
                "%s version %s (trained to %d, validated %d-%d) on %,d labelled events from %s it never saw%n",
                model.id().name(),
                model.id().version(),
                model.bundle().metadata().trainUntilYear(),
                model.bundle().metadata().validationFromYear(),
                model.bundle().metadata().validationToYear(),
                report.cumulative().events(),
                since);
        out.print(report.table());
        String runId = new MonitoringTable(dataSource).append(report, Instant.now());
        String where = store.logRuns(report.run(), List.of(), Map.of());
        out.printf(
                "%nrecorded %d rows in model_monitoring (run %s) and in %s: %s%n",
                report.rows().size(), runId, store.describe(), where);
        if (decide) {
            verdict(retrainCheck.decide(model.id(), model.bundle(), report, Instant.now()));
        }
    }

    /** {@code --decide}: the last line says whether to train, the exit code too (0 due, {@value #RETRAIN_NOT_DUE} not due). */
    private void verdict(RetrainPolicy.Verdict verdict) {
        out.println(verdict.describe());
        exitCode = verdict.retrain() ? 0 : RETRAIN_NOT_DUE;
    }

    private record Resolved(ModelId id, ModelBundle bundle) {}

    private Resolved resolve(String reference) {
        Path folder = Path.of(reference);
        if (Files.isDirectory(folder)) {
            return new Resolved(
                    new ModelId("folder", folder.toAbsolutePath().toString(), null), ModelBundle.readFrom(folder));
        }
        if (reference.equals(ModelRegistry.CHAMPION) || reference.equals(ModelRegistry.CHALLENGER)) {
            ModelId id = store.findByAlias(reference)
                    .orElseThrow(() -> new IllegalStateException("no " + reference + " in " + store.describe()));
            return new Resolved(id, store.loadBundle(id));
        }
        if (reference.matches("[0-9]+")) {
            String name = store.findByAlias(ModelRegistry.CHAMPION)
                    .or(() -> store.findByAlias(ModelRegistry.CHALLENGER))
                    .map(ModelId::name)
                    .orElse("accident-severity");
            ModelId id = new ModelId(name, reference, null);
            return new Resolved(id, store.loadBundle(id));
        }
        throw new CommandLine.UsageException(
                "--model must be a version number, champion, challenger or a model folder; '" + reference
                        + "' is none of these");
    }

    private static double[] trainingPrior(ModelBundle bundle) {
        try {
            Map<String, Object> metrics = ModelBundle.readJson(bundle.metricsJson());
            @SuppressWarnings("unchecked")
            Map<String, Object> rows = (Map<String, Object>) metrics.get("rows");
            double[] prior = new double[Severity.values().length];
            double total = 0;
            for (Severity s : Severity.values()) {
                prior[s.index()] = ((Number) rows.get("training_" + s.code())).doubleValue();
                total += prior[s.index()];
            }
            for (int k = 0; k < prior.length; k++) {
                prior[k] /= total;
            }
            return prior;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Algorithm algorithm(String name) {
        try {
            return Algorithm.ofId(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    private static String require(CommandLine line, String name) {
        String value = line.option(name);
        if (value == null || value.isBlank()) {
            throw new CommandLine.UsageException("--" + name + " is required");
        }
        return value;
    }

    private Consumer<String> progress() {
        long started = System.nanoTime();
        return message -> out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    private void printTable(Map<String, EvaluationReport> reports) {
        out.printf(
                "%-40s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n",
                "model", "macroF1", "AUCmacro", "AUCfatal", "Brier", "ECE", "R_FATL", "R_SERS", "R_MINR", "R_NONE");
        reports.forEach((name, r) -> out.printf(
                "%-40s %8.4f %8.4f %8.4f %8.4f %8.4f %8.3f %8.3f %8.3f %8.3f%n",
                name,
                r.macroF1(),
                r.macroRocAuc(),
                r.fatalVsRestRocAuc(),
                r.brier(),
                r.ece(),
                r.perClass().get(Severity.FATL).recall(),
                r.perClass().get(Severity.SERS).recall(),
                r.perClass().get(Severity.MINR).recall(),
                r.perClass().get(Severity.NONE).recall()));
    }
}
