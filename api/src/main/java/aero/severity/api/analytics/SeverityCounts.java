package aero.severity.api.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many events (by year or state) or aircraft (by phase of flight) had each highest injury.
 *
 * @param group   the year, state code or phase of flight
 * @param unknown events whose highest injury the NTSB did not record
 */
record SeverityCounts(
        String group,
        @JsonProperty("FATL") long fatal,
        @JsonProperty("SERS") long serious,
        @JsonProperty("MINR") long minor,
        @JsonProperty("NONE") long none,
        long unknown,
        long total,
        double fatalShare) {

    static SeverityCounts of(String group, long fatal, long serious, long minor, long none, long unknown) {
        long total = fatal + serious + minor + none + unknown;
        long known = total - unknown;
        return new SeverityCounts(
                group, fatal, serious, minor, none, unknown, total, known == 0 ? 0 : (double) fatal / known);
    }
}
