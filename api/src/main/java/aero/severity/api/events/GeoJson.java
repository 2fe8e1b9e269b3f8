package aero.severity.api.events;

import java.util.List;

/** GeoJSON (RFC 7946) for events: points with the event summary as properties. */
final class GeoJson {

    static final String MEDIA_TYPE = "application/geo+json";

    private GeoJson() {}

    /**
     * @param numberReturned how many features this collection holds
     * @param truncated      true when more events matched than {@code limit}; narrow the box to see them
     */
    record FeatureCollection(
            String type, double[] bbox, List<Feature> features, int numberReturned, int limit, boolean truncated) {

        static FeatureCollection of(BoundingBox box, List<EventSummary> events, int limit, boolean truncated) {
            List<Feature> features = events.stream().map(Feature::of).toList();
            return new FeatureCollection(
                    "FeatureCollection",
                    new double[] {box.minLon(), box.minLat(), box.maxLon(), box.maxLat()},
                    features,
                    features.size(),
                    limit,
                    truncated);
        }
    }

    record Feature(String type, String id, Point geometry, EventSummary properties) {

        static Feature of(EventSummary event) {
            return new Feature(
                    "Feature",
                    event.evId(),
                    new Point("Point", new double[] {event.longitude(), event.latitude()}),
                    event);
        }
    }

    /** Coordinates are longitude, latitude (GeoJSON order). */
    record Point(String type, double[] coordinates) {}
}
