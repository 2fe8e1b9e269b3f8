package aero.severity.ml.model;

import aero.severity.ml.serving.ScoreAttribution;

/** A scorer that can take its raw scores apart exactly, column by column (before calibration). */
public interface ExplainableScorer extends Scorer {

    ScoreAttribution attribute(double[] encodedFeatures);
}
