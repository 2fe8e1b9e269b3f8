package aero.severity.ml.evaluation;

/**
 * Rows whose top-class probability fell in {@code [lower, upper)}: how confident the model was on
 * average and how often its top class was right.
 */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {}
