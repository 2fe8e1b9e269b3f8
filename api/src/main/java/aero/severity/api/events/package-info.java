/**
 * The NTSB events behind the predictions: by id, filtered and paged, within a radius (PostGIS
 * {@code ST_DWithin} on the geography, GiST-backed; H2GIS in the embedded default) and within a
 * bounding box as GeoJSON. Read with plain SQL over ingest's schema: read-only projections of a wide
 * table, with the spatial parts differing per database.
 */
@NullMarked
package aero.severity.api.events;

import org.jspecify.annotations.NullMarked;
