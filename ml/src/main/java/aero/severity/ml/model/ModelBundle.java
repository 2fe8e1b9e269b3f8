package aero.severity.ml.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import aero.severity.domain.Severity;
import aero.severity.features.FeatureDistribution;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.protos.core.ModelProto;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything saved for one trained model, as named files: the same set goes to a local folder or
 * to MLflow's artifact store.
 *
 * <ul>
 *   <li>{@value #MODEL}: the Tribuo model, protobuf ({@code Model.serialize()})</li>
 *   <li>{@value #ENCODER}: the fitted feature encoder (common's {@code FeatureEncoder} JSON)</li>
 *   <li>{@value #POSTPROCESSING}: the calibration and the decision weights</li>
 *   <li>{@value #METADATA}: algorithm, data window, rows, fingerprint, hyperparameters</li>
 *   <li>{@value #METRICS}: validation metrics of the model and the baselines, feature importance</li>
 *   <li>{@value #FEATURE_DISTRIBUTION}: how each request field was spread over the training rows
 *       (common's {@code FeatureDistribution}), for input drift; absent in bundles saved before it</li>
 *   <li>{@value #CONFUSION_PNG}, {@value #RELIABILITY_PNG}, {@value #SHAP_IMPORTANCE_PNG}: the plots</li>
 * </ul>
 */
public record ModelBundle(
        BundleMetadata metadata,
        FeatureEncoder encoder,
        Model<Label> tribuoModel,
        Calibration calibration,
        DecisionRule rule,
        byte[] metricsJson,
        Map<String, byte[]> charts,
        @Nullable FeatureDistribution trainingDistribution) {

    public static final int FORMAT_VERSION = 1;
    public static final String MODEL = "model.tribuo.pb";
    public static final String ENCODER = "encoder.json";
    public static final String POSTPROCESSING = "postprocessing.json";
    public static final String METADATA = "metadata.json";
    public static final String METRICS = "metrics.json";
    public static final String FEATURE_DISTRIBUTION = "feature_distribution.json";
    public static final String CONFUSION_PNG = "confusion_matrix.png";
    public static final String RELIABILITY_PNG = "reliability.png";
    /** Mean |contribution| per request field on the validation rows (global importance). */
    public static final String SHAP_IMPORTANCE_PNG = "shap_importance.png";
    /** The files a model cannot be rebuilt without (the rest are for people). */
    public static final List<String> REQUIRED = List.of(METADATA, MODEL, ENCODER, POSTPROCESSING);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record PostProcessingFile(double calibrationScale, double[] calibrationBias, double[] decisionWeights) {}

    public ModelBundle {
        charts = Map.copyOf(charts);
    }

    /** The servable model, with the fast scorer for its algorithm. */
    public CalibratedModel toModel(ModelId id) {
        return new CalibratedModel(id, encoder, fastScorer(), calibration, rule, createdAt(), trainingDistribution);
    }

    /** The training time in the metadata; null for a bundle that does not state a parsable one. */
    private java.time.@org.jspecify.annotations.Nullable Instant createdAt() {
        try {
            return java.time.Instant.parse(metadata.createdAt());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Tribuo's own prediction path (slower): the reference the fast scorer is tested against. */
    public CalibratedModel toReferenceModel(ModelId id) {
        return new CalibratedModel(
                id, encoder, new TribuoScorer(tribuoModel, encoder.featureNames()), calibration, rule);
    }

    @SuppressWarnings("unchecked")
    Scorer fastScorer() {
        return switch (metadata.algorithmKind()) {
            case XGBOOST -> TreeEnsembleScorer.of((XGBoostModel<Label>) tribuoModel, encoder.featureNames());
            case LOGISTIC_REGRESSION -> LinearScorer.of((LinearSGDModel) tribuoModel, encoder.featureNames());
        };
    }

    public Map<String, byte[]> toFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(METADATA, json(metadata));
        files.put(MODEL, tribuoModel.serialize().toByteArray());
        files.put(ENCODER, encoder.toJson().getBytes(StandardCharsets.UTF_8));
        files.put(
                POSTPROCESSING, json(new PostProcessingFile(calibration.scale(), calibration.bias(), rule.weights())));
        files.put(METRICS, metricsJson);
        if (trainingDistribution != null) {
            files.put(FEATURE_DISTRIBUTION, trainingDistribution.toJson().getBytes(StandardCharsets.UTF_8));
        }
        files.putAll(charts);
        return files;
    }

    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> file : toFiles().entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + directory, e);
        }
    }

    public static ModelBundle readFrom(Path directory) {
        return fromFiles(
                name -> {
                    Path file = directory.resolve(name);
                    try {
                        return Files.exists(file) ? Files.readAllBytes(file) : null;
                    } catch (IOException e) {
                        throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
                    }
                },
                directory.toString());
    }

    /**
     * Rebuilds a bundle from its files.
     *
     * @param files  the content of a file by name, null when it does not exist
     * @param source where the files come from, for error messages
     * @throws ModelLoadException when a required file is missing or unusable
     */
    @SuppressWarnings("unchecked")
    public static ModelBundle fromFiles(Function<String, byte @Nullable []> files, String source) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            byte[] content = files.apply(name);
            if (content == null) {
                throw new ModelLoadException("model at " + source + " has no " + name);
            }
            read.put(name, content);
        }
        try {
            BundleMetadata metadata = JSON.readValue(read.get(METADATA), BundleMetadata.class);
            if (metadata.formatVersion() != FORMAT_VERSION) {
                throw new ModelLoadException("model at " + source + " has bundle format " + metadata.formatVersion()
                        + ", this build reads " + FORMAT_VERSION);
            }
            if (!metadata.classes()
                    .equals(java.util.Arrays.stream(Severity.values())
                            .map(Severity::code)
                            .toList())) {
                throw new ModelLoadException("model at " + source + " predicts classes " + metadata.classes());
            }
            FeatureEncoder encoder = FeatureEncoder.fromJson(new String(read.get(ENCODER), StandardCharsets.UTF_8));
            Model<?> model = Model.deserialize(ModelProto.parseFrom(read.get(MODEL)));
            if (!model.validate(Label.class)) {
                throw new ModelLoadException("model at " + source + " is not a classification model");
            }
            PostProcessingFile post = JSON.readValue(read.get(POSTPROCESSING), PostProcessingFile.class);
            byte[] metrics = files.apply(METRICS);
            Map<String, byte[]> charts = new LinkedHashMap<>();
            for (String chart : Set.of(CONFUSION_PNG, RELIABILITY_PNG, SHAP_IMPORTANCE_PNG)) {
                byte[] png = files.apply(chart);
                if (png != null) {
                    charts.put(chart, png);
                }
            }
            byte[] distribution = files.apply(FEATURE_DISTRIBUTION);
            ModelBundle bundle = new ModelBundle(
                    metadata,
                    encoder,
                    (Model<Label>) model,
                    new Calibration(post.calibrationScale(), post.calibrationBias()),
                    new DecisionRule(post.decisionWeights()),
                    metrics == null ? "{}".getBytes(StandardCharsets.UTF_8) : metrics,
                    charts,
                    distribution == null
                            ? null
                            : FeatureDistribution.fromJson(new String(distribution, StandardCharsets.UTF_8)));
            bundle.fastScorer(); // fail here, not on the first request
            return bundle;
        } catch (InvalidProtocolBufferException
                | JacksonException
                | IllegalStateException
                | IllegalArgumentException
                | ClassCastException e) {
            throw new ModelLoadException("model at " + source + " cannot be rebuilt: " + e.getMessage(), e);
        }
    }

    private static byte[] json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }

    /** Reads a JSON file of the bundle (e.g. metrics) as a tree-free map. */
    public static Map<String, Object> readJson(byte[] content) {
        return JSON.readValue(content, Map.class);
    }
}
