/**
 * One import = one batch: stage the rows (COPY into unlogged staging tables on PostgreSQL, batched
 * inserts on H2), validate (rejects with reasons), upsert in one transaction (newer lchg_date wins,
 * a replaced event takes its rows along), verify the counts, record the batch.
 */
@NullMarked
package aero.severity.ingest.load;

import org.jspecify.annotations.NullMarked;
