/** The avall table layout: names, columns and Access types as the NTSB ships them, keys and parents. */
@NullMarked
package aero.severity.ingest.avall;

import org.jspecify.annotations.NullMarked;
