/** What a loader reads: a file of tables of rows, whatever its format (Access, CAROL CSV). */
@NullMarked
package aero.severity.ingest.source;

import org.jspecify.annotations.NullMarked;
