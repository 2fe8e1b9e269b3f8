/** Reads NTSB Access databases (avall.mdb, Pre2008.mdb, upDDMON.mdb, .accdb) with Jackcess. */
@NullMarked
package aero.severity.ingest.access;

import org.jspecify.annotations.NullMarked;
