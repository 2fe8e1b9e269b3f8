/** The ingest command line: {@code import FILE...}, {@code status}, {@code generate ...}, and a property-driven mode. */
@NullMarked
package aero.severity.ingest.cli;

import org.jspecify.annotations.NullMarked;
