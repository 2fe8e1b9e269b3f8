/** Reads the public CAROL / AviationData CSV export (one row per aircraft) as avall tables. */
@NullMarked
package aero.severity.ingest.carol;

import org.jspecify.annotations.NullMarked;
