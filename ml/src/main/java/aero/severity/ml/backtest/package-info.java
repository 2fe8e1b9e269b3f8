/**
 * Rolling-origin backtest: the training recipe of {@code ml train} repeated at several cutoffs,
 * each model scored on every later band of years separately, so that a change to the model is
 * judged on how its probabilities hold with time, not on one validation band.
 */
@NullMarked
package aero.severity.ml.backtest;

import org.jspecify.annotations.NullMarked;
