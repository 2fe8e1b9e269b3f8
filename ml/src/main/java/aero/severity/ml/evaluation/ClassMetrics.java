package aero.severity.ml.evaluation;

/**
 * One class seen one-vs-rest: precision and recall of the decisions, and the ROC-AUC of the class's
 * probability (NaN when the period holds no row, or only rows, of the class).
 */
public record ClassMetrics(int support, int predicted, double precision, double recall, double f1, double rocAuc) {}
