package aero.severity.api.events;

import java.util.List;

import aero.severity.api.web.InvalidInputException;

/**
 * A GeoJSON bounding box (RFC 7946 section 5): {@code minLon,minLat,maxLon,maxLat} in degrees. A box
 * whose west edge is east of its east edge crosses the antimeridian and is split in two.
 */
record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    static final String PARAMETER = "bbox";

    static BoundingBox parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw invalid("must be minLon,minLat,maxLon,maxLat (four numbers), got '" + text + "'");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw invalid("'" + parts[i].strip() + "' is not a number (expected minLon,minLat,maxLon,maxLat)");
            }
            if (!Double.isFinite(values[i])) {
                throw invalid("'" + parts[i].strip() + "' is not a finite number");
            }
        }
        BoundingBox box = new BoundingBox(values[0], values[1], values[2], values[3]);
        if (Math.abs(box.minLon) > 180 || Math.abs(box.maxLon) > 180) {
            throw invalid("longitudes must be within -180 to 180");
        }
        if (Math.abs(box.minLat) > 90 || Math.abs(box.maxLat) > 90) {
            throw invalid("latitudes must be within -90 to 90");
        }
        if (box.minLat > box.maxLat) {
            throw invalid("minLat (" + box.minLat + ") must not be greater than maxLat (" + box.maxLat + ")");
        }
        return box;
    }

    /** One box, or two when this one crosses the antimeridian. */
    List<BoundingBox> parts() {
        if (minLon <= maxLon) {
            return List.of(this);
        }
        return List.of(new BoundingBox(minLon, minLat, 180, maxLat), new BoundingBox(-180, minLat, maxLon, maxLat));
    }

    /**
     * Latitudes of a box that, taken as a geography (edges are great circles), covers every point of
     * this lon/lat rectangle: an edge between two points of the same latitude bulges towards the pole,
     * so the edge nearer the equator is moved outwards by that bulge (plus a small margin). Only for
     * boxes no wider than 180 degrees, which is all the index prefilter is used for.
     */
    double[] geodesicCoverLatitudes() {
        double halfWidth = Math.toRadians((maxLon - minLon) / 2);
        double south = minLat;
        double north = maxLat;
        if (minLat > 0) {
            south = minLat - (bulge(minLat, halfWidth) - minLat) - 0.01;
        }
        if (maxLat < 0) {
            north = maxLat + (maxLat - bulge(maxLat, halfWidth)) + 0.01;
        }
        return new double[] {Math.max(-90, south), Math.min(90, north)};
    }

    double widthDegrees() {
        return maxLon - minLon;
    }

    /** Latitude at the middle of the great circle joining two points at {@code latitude}, halfWidth apart. */
    private static double bulge(double latitude, double halfWidthRadians) {
        return Math.toDegrees(Math.atan(Math.tan(Math.toRadians(latitude)) / Math.cos(halfWidthRadians)));
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(PARAMETER, message);
    }
}
