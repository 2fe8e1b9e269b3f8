/**
 * Training: the time split, the encoder fitted on the training years, Tribuo XGBoost and
 * multinomial logistic regression with class weights, baselines, and calibration and decision
 * weights fitted on the validation years.
 */
@NullMarked
package aero.severity.ml.training;

import org.jspecify.annotations.NullMarked;
