package aero.severity.api.events;

/**
 * What differs between PostGIS and H2GIS in the event queries: how a coordinate is read from
 * {@code events.location} and how the spatial predicates are written. Everything else is plain SQL.
 */
enum SpatialDialect {

    /** {@code location geography(Point,4326)} with a GiST index. */
    POSTGIS("ST_Y(location::geometry)", "ST_X(location::geometry)"),

    /** {@code location GEOMETRY(POINT,4326)} with an R-tree spatial index (embedded default). */
    H2GIS("ST_Y(location)", "ST_X(location)");

    final String latitude;
    final String longitude;

    SpatialDialect(String latitude, String longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    static SpatialDialect of(String databaseProductName) {
        return databaseProductName.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGIS : H2GIS;
    }
}
