package aero.severity.ingest.fetch;

import java.net.URI;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One archive the NTSB publishes. {@code cutoff} is the date an update's name carries ({@code up08APR}:
 * changes up to April 7), null for full databases ({@code avall.zip}). {@code named}: asked for by name,
 * so its absence (404) is an error; an update the plan derived from the date may simply not be out yet,
 * or be gone (the NTSB keeps updates three months).
 */
record PublishedFile(String name, URI url, @Nullable LocalDate cutoff, boolean named) {}
