/**
 * {@code ingest fetch}: downloads the NTSB's published archives (the full {@code avall.zip} and the
 * weekly {@code upDDMON.zip} updates), checks and unzips them safely, imports each new Access file
 * through the normal import (one batch each) and records what it fetched in {@code ingest_fetches}.
 */
@NullMarked
package aero.severity.ingest.fetch;

import org.jspecify.annotations.NullMarked;
