/**
 * A trained model as it is saved and served: the Tribuo model (protobuf), the encoder, the
 * calibration and the decision rule, and the fast scorers that evaluate the trained trees or
 * weights directly so that one prediction costs microseconds, not a native call.
 */
@NullMarked
package aero.severity.ml.model;

import org.jspecify.annotations.NullMarked;
