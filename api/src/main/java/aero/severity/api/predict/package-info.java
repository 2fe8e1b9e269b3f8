/**
 * {@code POST /api/v1/predict} and {@code /predict/batch}: validated {@link aero.severity.domain.FlightFacts}
 * in, calibrated probabilities of the four highest-injury classes out, answered from the prediction
 * cache when the same encoded facts met the same model version before.
 */
@NullMarked
package aero.severity.api.predict;

import org.jspecify.annotations.NullMarked;
