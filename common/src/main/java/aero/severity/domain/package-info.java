/** The facts known about a flight before its outcome, and the outcome we predict: {@link aero.severity.domain.Severity}. */
@NullMarked
package aero.severity.domain;

import org.jspecify.annotations.NullMarked;
