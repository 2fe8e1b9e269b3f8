package aero.severity.ml.model;

import java.time.Instant;
import java.util.Optional;

import aero.severity.domain.Severity;
import aero.severity.features.FeatureDistribution;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ScoreAttribution;
import aero.severity.ml.serving.SeverityModel;
import org.jspecify.annotations.Nullable;

/** A scorer with its encoder, calibration and decision rule: what the api serves. Immutable. */
public final class CalibratedModel implements SeverityModel {

    /** {@code Severity.values()} copies the array on every call; this is the request path. */
    private static final Severity[] SEVERITIES = Severity.values();

    private final ModelId id;
    private final FeatureEncoder encoder;
    private final Scorer scorer;
    private final Calibration calibration;
    private final DecisionRule rule;
    private final @Nullable Instant createdAt;
    private final @Nullable FeatureDistribution trainingDistribution;

    public CalibratedModel(
            ModelId id, FeatureEncoder encoder, Scorer scorer, Calibration calibration, DecisionRule rule) {
        this(id, encoder, scorer, calibration, rule, null, null);
    }

    /**
     * @param createdAt            when the model was trained and saved (its bundle metadata), if known
     * @param trainingDistribution how the request fields were spread over its training rows, if saved
     */
    public CalibratedModel(
            ModelId id,
            FeatureEncoder encoder,
            Scorer scorer,
            Calibration calibration,
            DecisionRule rule,
            @Nullable Instant createdAt,
            @Nullable FeatureDistribution trainingDistribution) {
        this.id = id;
        this.encoder = encoder;
        this.scorer = scorer;
        this.calibration = calibration;
        this.rule = rule;
        this.createdAt = createdAt;
        this.trainingDistribution = trainingDistribution;
    }

    @Override
    public Optional<FeatureDistribution> trainingDistribution() {
        return Optional.ofNullable(trainingDistribution);
    }

    /** A version is registered right after it is trained and saved: the bundle's creation time. */
    @Override
    public Optional<Instant> registeredAt() {
        return Optional.ofNullable(createdAt);
    }

    @Override
    public ModelId id() {
        return id;
    }

    @Override
    public FeatureEncoder encoder() {
        return encoder;
    }

    @Override
    public double[] probabilities(double[] encodedFeatures) {
        if (encodedFeatures.length != encoder.dimension()) {
            throw new IllegalArgumentException("expected " + encoder.dimension() + " encoded features, got "
                    + encodedFeatures.length + "; encode with this model's encoder()");
        }
        return calibration.apply(scorer.rawProbabilities(encodedFeatures));
    }

    @Override
    public Severity decide(double[] probabilities) {
        return SEVERITIES[rule.decide(probabilities)];
    }

    @Override
    public boolean canExplain() {
        return scorer instanceof ExplainableScorer;
    }

    /** The scorer's exact contributions, with this model's calibration stated beside them. */
    @Override
    public ScoreAttribution explain(double[] encodedFeatures) {
        if (!(scorer instanceof ExplainableScorer explainable)) {
            throw new UnsupportedOperationException(
                    "a " + scorer.getClass().getSimpleName() + " cannot explain its scores");
        }
        if (encodedFeatures.length != encoder.dimension()) {
            throw new IllegalArgumentException("expected " + encoder.dimension() + " encoded features, got "
                    + encodedFeatures.length + "; encode with this model's encoder()");
        }
        return explainable.attribute(encodedFeatures).withCalibration(calibration.scale(), calibration.bias());
    }

    /** Before calibration: the promotion gate re-calibrates two models the same way to compare them fairly. */
    public double[] rawProbabilities(double[] encodedFeatures) {
        return scorer.rawProbabilities(encodedFeatures);
    }

    public Scorer scorer() {
        return scorer;
    }

    public Calibration calibration() {
        return calibration;
    }

    public DecisionRule rule() {
        return rule;
    }

    public CalibratedModel withId(ModelId newId) {
        return new CalibratedModel(newId, encoder, scorer, calibration, rule, createdAt, trainingDistribution);
    }
}
