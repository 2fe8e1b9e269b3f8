/**
 * NTSB accident data into the platform's database: Access files (avall.mdb, Pre2008.mdb, upDDMON.mdb)
 * and CAROL / AviationData CSV exports, loaded in batches that either land whole or not at all.
 */
@NullMarked
package aero.severity.ingest;

import org.jspecify.annotations.NullMarked;
