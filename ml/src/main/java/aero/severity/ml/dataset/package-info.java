/**
 * The training set: one labelled row per event, read with one SQL query from the database that
 * ingest fills, holding only what is known before the outcome.
 */
@NullMarked
package aero.severity.ml.dataset;

import org.jspecify.annotations.NullMarked;
