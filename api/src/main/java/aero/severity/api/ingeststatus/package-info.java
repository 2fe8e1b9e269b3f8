/**
 * Ingest runs as a short batch job that nothing can scrape, so the api reports its bookkeeping
 * ({@code ingest_batches}, {@code ingest_batch_tables}) as gauges for the alert rules and the data
 * dashboard (prometheus/metrics/api.txt).
 */
@NullMarked
package aero.severity.api.ingeststatus;

import org.jspecify.annotations.NullMarked;
