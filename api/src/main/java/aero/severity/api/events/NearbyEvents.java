package aero.severity.api.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Events within a radius, nearest first. */
record NearbyEvents(
        double latitude, double longitude, double radiusKm, int limit, boolean truncated, List<NearbyEvent> events) {

    /** The event's fields and its distance from the centre (on the ellipsoid with PostGIS, the sphere with H2GIS). */
    record NearbyEvent(@JsonUnwrapped EventSummary event, double distanceKm) {}
}
