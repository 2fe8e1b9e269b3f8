/** The {@code ml} command line: {@code train}, {@code evaluate}, {@code promote}. */
@NullMarked
package aero.severity.ml.cli;

import org.jspecify.annotations.NullMarked;
