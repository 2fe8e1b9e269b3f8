package aero.severity.api.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.features.RequestField;
import aero.severity.ml.serving.ScoreAttribution;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Why the model answered as it did, exactly: per class, the base value (the expected raw score) and
 * the contributions of the request's own fields, which add up to the class's raw score (log-odds
 * before calibration), and the calibration that turns the four raw scores into the probabilities.
 */
@Schema(
        description = "Exact per-field contributions to each class's raw score (log-odds before calibration):"
                + " baseValue + the sum of contributions (other included) = rawScore. TreeSHAP for tree models,"
                + " coefficient x (value - training mean) for linear ones. Present only with explain=true.")
record Explanation(Classes classes, CalibrationStatement calibration) {

    static final String OTHER = "other";

    /** One explanation per class, in the NTSB order. */
    @Schema(description = "The explanation of each class's raw score")
    record Classes(
            @JsonProperty("FATL") ClassExplanation fatal,
            @JsonProperty("SERS") ClassExplanation serious,
            @JsonProperty("MINR") ClassExplanation minor,
            @JsonProperty("NONE") ClassExplanation none) {}

    @Schema(description = "One class's raw score taken apart")
    record ClassExplanation(
            @Schema(description = "Expected raw score over the training rows", example = "-0.42")
            double baseValue,

            @Schema(description = "The class's raw score: baseValue plus every contribution", example = "-1.37")
            double rawScore,

            @Schema(description = "Largest magnitude first; the fields beyond explainTop summed as one 'other' entry")
            List<FieldContribution> contributions) {}

    @Schema(description = "What one request field added to the raw score")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldContribution(
            @Schema(
                    description = "The request field (FlightFacts property), or 'other' for the rest",
                    example = "flightPhase")
            String field,

            @Schema(
                    description = "The value the request gave, as text; absent when it was left out (and for 'other')",
                    example = "TAKEOFF",
                    nullable = true)
            @Nullable
            String value,

            @Schema(
                    description =
                            "True when the model read the field as unknown (left out, or a code it has no column for)",
                    example = "false")
            boolean missing,

            @Schema(description = "Added to the raw score (log-odds)", example = "-0.61")
            double contribution,

            @Schema(description = "For 'other' only: how many fields it sums", example = "22", nullable = true)
            @Nullable
            Integer fields) {}

    @Schema(
            description =
                    "Vector scaling, linear in log space: logit[k] = rawScore[k] / temperature + bias[k] and"
                            + " probabilities[k] = exp(logit[k]) / sum over j of exp(logit[j]); confidence is that of severity.")
    record CalibrationStatement(
            @Schema(description = "Divides every raw score", example = "1.08")
            double temperature,

            @Schema(description = "Added per class after dividing by the temperature")
            ClassNumbers bias,

            @Schema(description = "rawScore / temperature + bias, per class: their softmax is probabilities")
            ClassNumbers logits) {}

    @Schema(description = "A number per class")
    record ClassNumbers(
            @JsonProperty("FATL") @Schema(example = "0.31") double fatal,
            @JsonProperty("SERS") @Schema(example = "-0.12") double serious,
            @JsonProperty("MINR") @Schema(example = "0.05") double minor,
            @JsonProperty("NONE") @Schema(example = "0.0") double none) {

        static ClassNumbers of(double[] byOrdinal) {
            return new ClassNumbers(byOrdinal[0], byOrdinal[1], byOrdinal[2], byOrdinal[3]);
        }
    }

    /**
     * @param top fields listed per class by magnitude; 0 lists every field
     */
    static Explanation of(
            ScoreAttribution attribution, List<RequestField> fields, FlightFacts facts, double[] encoded, int top) {
        double[][] byField = attribution.byField(fields);
        String[] values = new String[fields.size()];
        boolean[] missing = new boolean[fields.size()];
        for (int f = 0; f < values.length; f++) {
            Object value = fields.get(f).valueIn(facts);
            values[f] = value == null ? null : value.toString();
            missing[f] = fields.get(f).unknownIn(encoded);
        }
        ClassExplanation[] classes = new ClassExplanation[attribution.classes()];
        double[] logits = new double[classes.length];
        for (int k = 0; k < classes.length; k++) {
            classes[k] = new ClassExplanation(
                    attribution.baseValues()[k],
                    attribution.rawScore(k),
                    contributions(fields, byField[k], values, missing, top));
            logits[k] = attribution.calibratedLogit(k);
        }
        return new Explanation(
                new Classes(classes[0], classes[1], classes[2], classes[3]),
                new CalibrationStatement(
                        1.0 / attribution.calibrationScale(),
                        ClassNumbers.of(attribution.calibrationBias()),
                        ClassNumbers.of(logits)));
    }

    private static List<FieldContribution> contributions(
            List<RequestField> fields, double[] contribution, String[] values, boolean[] missing, int top) {
        List<Integer> order = new ArrayList<>(fields.size());
        for (int f = 0; f < fields.size(); f++) {
            order.add(f);
        }
        order.sort(Comparator.<Integer>comparingDouble(f -> -Math.abs(contribution[f]))
                .thenComparing(f -> fields.get(f).name()));
        int listed = top == 0 ? order.size() : Math.min(top, order.size());
        List<FieldContribution> entries = new ArrayList<>(listed + 1);
        for (int i = 0; i < listed; i++) {
            int f = order.get(i);
            entries.add(new FieldContribution(fields.get(f).name(), values[f], missing[f], contribution[f], null));
        }
        if (listed < order.size()) {
            double rest = 0;
            for (int i = listed; i < order.size(); i++) {
                rest += contribution[order.get(i)];
            }
            entries.add(new FieldContribution(OTHER, null, false, rest, order.size() - listed));
        }
        return entries;
    }
}
