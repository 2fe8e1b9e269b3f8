/**
 * Writes faithful NTSB-schema Access files for tests, the demo and benchmarks: real table and column
 * names and Access types, real code values (space padded as avall stores them), realistic
 * distributions, and a true, learnable relation between what is known before an accident and its
 * severity. Broken variants (truncated, missing table, bad values, password) exercise the loader's
 * guarantees.
 */
@NullMarked
package aero.severity.ingest.sample;

import org.jspecify.annotations.NullMarked;
