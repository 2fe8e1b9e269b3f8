/**
 * How good a model is on a period it never trained on: macro-F1, per-class precision and recall,
 * one-vs-rest ROC-AUC, Brier score, expected calibration error, and the confusion-matrix and
 * reliability plots.
 */
@NullMarked
package aero.severity.ml.evaluation;

import org.jspecify.annotations.NullMarked;
