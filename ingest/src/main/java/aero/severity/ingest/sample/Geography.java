package aero.severity.ingest.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where accidents happen: US states weighted roughly by their share of NTSB events, each with a
 * centre, an extent, a time zone, its name and FAA region (as {@code states} holds them), and a few
 * cities. Points are drawn inside the extent around the centre, so coordinates are plausible for
 * the state (not exact borders).
 */
final class Geography {

    record Place(
            String state,
            String name,
            String faaRegion,
            double weight,
            double lat,
            double lon,
            double dLat,
            double dLon,
            String zone,
            List<String> cities) {}

    static final List<Place> PLACES = List.of(
            p(
                    "CA",
                    "CALIFORNIA",
                    "WP",
                    10.0,
                    36.8,
                    -119.6,
                    3.5,
                    3.0,
                    "P",
                    "Los Angeles",
                    "San Diego",
                    "Fresno",
                    "Santa Rosa",
                    "Chino"),
            p(
                    "TX",
                    "TEXAS",
                    "SW",
                    7.5,
                    31.2,
                    -99.3,
                    4.0,
                    5.0,
                    "C",
                    "Houston",
                    "San Antonio",
                    "Austin",
                    "Lubbock",
                    "Conroe"),
            p("FL", "FLORIDA", "SO", 7.0, 28.3, -81.7, 2.2, 1.8, "E", "Miami", "Orlando", "Tampa", "Ocala", "Sebring"),
            p(
                    "AK",
                    "ALASKA",
                    "AL",
                    5.5,
                    62.5,
                    -150.5,
                    4.5,
                    9.0,
                    "Y",
                    "Anchorage",
                    "Fairbanks",
                    "Juneau",
                    "Bethel",
                    "Talkeetna"),
            p("AZ", "ARIZONA", "WP", 3.5, 34.2, -111.7, 2.3, 2.3, "M", "Phoenix", "Tucson", "Prescott", "Flagstaff"),
            p("CO", "COLORADO", "NM", 3.2, 39.0, -105.5, 1.8, 3.2, "M", "Denver", "Aspen", "Grand Junction", "Pueblo"),
            p("WA", "WASHINGTON", "NM", 3.0, 47.4, -120.5, 1.3, 3.2, "P", "Seattle", "Spokane", "Yakima", "Arlington"),
            p("GA", "GEORGIA", "SO", 2.6, 32.7, -83.4, 1.7, 1.5, "E", "Atlanta", "Savannah", "Macon"),
            p("NY", "NEW YORK", "EA", 2.5, 42.9, -75.5, 1.3, 3.0, "E", "Albany", "Buffalo", "Syracuse", "Farmingdale"),
            p("PA", "PENNSYLVANIA", "EA", 2.3, 40.9, -77.8, 1.0, 2.6, "E", "Pittsburgh", "Lancaster", "Erie"),
            p("IL", "ILLINOIS", "GL", 2.4, 40.0, -89.2, 2.2, 1.2, "C", "Chicago", "Peoria", "Springfield"),
            p("MI", "MICHIGAN", "GL", 2.4, 44.0, -85.4, 2.2, 2.3, "E", "Detroit", "Grand Rapids", "Traverse City"),
            p("NC", "NORTH CAROLINA", "SO", 2.1, 35.5, -79.4, 0.9, 3.5, "E", "Charlotte", "Raleigh", "Asheville"),
            p("OH", "OHIO", "GL", 2.1, 40.3, -82.8, 1.5, 1.8, "E", "Columbus", "Dayton", "Cleveland"),
            p("OR", "OREGON", "NM", 2.0, 44.0, -120.5, 1.8, 3.5, "P", "Portland", "Bend", "Eugene", "Medford"),
            p("MN", "MINNESOTA", "GL", 1.7, 46.3, -94.3, 2.6, 2.7, "C", "Minneapolis", "Duluth", "Brainerd"),
            p("WI", "WISCONSIN", "GL", 1.6, 44.6, -89.9, 2.0, 2.0, "C", "Milwaukee", "Oshkosh", "Madison"),
            p("MO", "MISSOURI", "CE", 1.6, 38.4, -92.5, 1.8, 2.8, "C", "St. Louis", "Kansas City", "Springfield"),
            p("LA", "LOUISIANA", "SW", 1.6, 31.0, -92.0, 1.9, 2.0, "C", "Baton Rouge", "Lafayette", "Houma"),
            p("ID", "IDAHO", "NM", 1.5, 44.4, -114.6, 2.4, 2.0, "M", "Boise", "Idaho Falls", "Salmon", "McCall"),
            p("OK", "OKLAHOMA", "SW", 1.5, 35.6, -97.5, 1.2, 2.9, "C", "Oklahoma City", "Tulsa", "Enid"),
            p("UT", "UTAH", "NM", 1.4, 39.3, -111.7, 2.0, 2.0, "M", "Salt Lake City", "Ogden", "St. George"),
            p("AR", "ARKANSAS", "SW", 1.4, 34.9, -92.4, 1.4, 2.2, "C", "Little Rock", "Fayetteville"),
            p("AL", "ALABAMA", "SO", 1.4, 32.8, -86.8, 2.0, 1.4, "C", "Birmingham", "Huntsville", "Mobile"),
            p("TN", "TENNESSEE", "SO", 1.4, 35.9, -86.4, 0.8, 3.8, "C", "Nashville", "Memphis", "Knoxville"),
            p("VA", "VIRGINIA", "EA", 1.4, 37.5, -78.8, 1.0, 3.0, "E", "Richmond", "Norfolk", "Leesburg"),
            p("IN", "INDIANA", "GL", 1.4, 39.9, -86.3, 1.8, 1.2, "E", "Indianapolis", "Fort Wayne"),
            p("NV", "NEVADA", "WP", 1.3, 39.3, -116.6, 3.0, 2.5, "P", "Las Vegas", "Reno", "Elko"),
            p("NM", "NEW MEXICO", "SW", 1.3, 34.4, -106.1, 2.3, 2.4, "M", "Albuquerque", "Santa Fe", "Roswell"),
            p("KS", "KANSAS", "CE", 1.3, 38.5, -98.4, 1.3, 3.4, "C", "Wichita", "Topeka", "Salina"),
            p("MT", "MONTANA", "NM", 1.3, 46.9, -109.6, 2.0, 5.5, "M", "Billings", "Missoula", "Kalispell"),
            p("NJ", "NEW JERSEY", "EA", 1.1, 40.1, -74.6, 1.0, 0.6, "E", "Teterboro", "Morristown", "Trenton"),
            p("IA", "IOWA", "CE", 1.1, 42.0, -93.5, 1.2, 3.0, "C", "Des Moines", "Cedar Rapids"),
            p("SC", "SOUTH CAROLINA", "SO", 1.1, 33.9, -80.9, 1.0, 1.8, "E", "Columbia", "Charleston", "Greenville"),
            p("NE", "NEBRASKA", "CE", 1.0, 41.5, -99.8, 1.2, 4.0, "C", "Omaha", "Lincoln", "North Platte"),
            p("MS", "MISSISSIPPI", "SO", 1.0, 32.7, -89.7, 2.0, 1.2, "C", "Jackson", "Greenville"),
            p("KY", "KENTUCKY", "SO", 0.8, 37.5, -85.3, 0.8, 3.3, "E", "Louisville", "Lexington"),
            p("WY", "WYOMING", "NM", 0.8, 43.0, -107.5, 1.9, 3.3, "M", "Cheyenne", "Jackson", "Casper"),
            p("MA", "MASSACHUSETTS", "NE", 0.8, 42.3, -71.8, 0.4, 1.5, "E", "Boston", "Worcester", "Nantucket"),
            p("HI", "HAWAII", "WP", 0.7, 20.8, -156.6, 1.2, 2.2, "H", "Honolulu", "Kahului", "Hilo"),
            p("MD", "MARYLAND", "EA", 0.7, 39.0, -76.8, 0.6, 1.6, "E", "Baltimore", "Frederick"),
            p("ND", "NORTH DAKOTA", "GL", 0.7, 47.5, -100.5, 1.3, 3.5, "C", "Fargo", "Bismarck", "Minot"),
            p("SD", "SOUTH DAKOTA", "GL", 0.6, 44.4, -100.2, 1.3, 3.5, "C", "Sioux Falls", "Rapid City"),
            p("ME", "MAINE", "NE", 0.6, 45.3, -69.2, 1.7, 1.5, "E", "Portland", "Bangor"),
            p("WV", "WEST VIRGINIA", "EA", 0.5, 38.6, -80.6, 1.0, 1.8, "E", "Charleston", "Morgantown"),
            p("CT", "CONNECTICUT", "NE", 0.5, 41.6, -72.7, 0.4, 0.8, "E", "Hartford", "Danbury"),
            p("NH", "NEW HAMPSHIRE", "NE", 0.4, 43.7, -71.6, 1.0, 0.6, "E", "Concord", "Manchester"),
            p("VT", "VERMONT", "NE", 0.3, 44.0, -72.7, 0.8, 0.5, "E", "Burlington", "Rutland"),
            p("DE", "DELAWARE", "EA", 0.2, 39.0, -75.5, 0.4, 0.2, "E", "Dover", "Georgetown"),
            p("RI", "RHODE ISLAND", "NE", 0.1, 41.7, -71.5, 0.2, 0.2, "E", "Providence", "Westerly"),
            p("DC", "DISTRICT OF COLUMBIA", "WA", 0.05, 38.9, -77.0, 0.05, 0.05, "E", "Washington"),
            p("PR", "PUERTO RICO", "SO", 0.3, 18.2, -66.5, 0.2, 0.8, "A", "San Juan", "Ponce"),
            p("GM", "GULF OF MEXICO", "SW", 0.4, 28.0, -91.0, 1.0, 3.0, "C", "Offshore"));

    /** Foreign events: no US state, a country code as avall's Country table spells it. */
    record Country(String code, String name, double lat, double lon, double spread, double weight) {}

    static final List<Country> FOREIGN = List.of(
            new Country("CA", "Canada", 50.0, -100.0, 6.0, 0.7),
            new Country("MX", "Mexico", 23.0, -102.0, 4.0, 0.6),
            new Country("BF", "Bahamas", 24.5, -77.5, 1.5, 0.4),
            new Country("UK", "United Kingdom", 52.5, -1.5, 2.0, 0.2),
            new Country("BR", "Brazil", -12.0, -50.0, 8.0, 0.2),
            new Country("FR", "France", 46.5, 2.5, 3.0, 0.15),
            new Country("GE", "Germany", 51.0, 10.0, 2.5, 0.1),
            new Country("JA", "Japan", 36.0, 138.0, 3.0, 0.1),
            new Country("AS", "Australia", -25.0, 134.0, 8.0, 0.1));

    private static final double TOTAL =
            PLACES.stream().mapToDouble(Place::weight).sum();
    private static final double FOREIGN_TOTAL =
            FOREIGN.stream().mapToDouble(Country::weight).sum();

    private Geography() {}

    static Place place(SplittableRandom random) {
        double pick = random.nextDouble() * TOTAL;
        for (Place place : PLACES) {
            pick -= place.weight();
            if (pick <= 0) {
                return place;
            }
        }
        return PLACES.get(0);
    }

    static Country country(SplittableRandom random) {
        double pick = random.nextDouble() * FOREIGN_TOTAL;
        for (Country country : FOREIGN) {
            pick -= country.weight();
            if (pick <= 0) {
                return country;
            }
        }
        return FOREIGN.get(0);
    }

    private static Place p(
            String state,
            String name,
            String region,
            double weight,
            double lat,
            double lon,
            double dLat,
            double dLon,
            String zone,
            String... cities) {
        return new Place(state, name, region, weight, lat, lon, dLat, dLon, zone, List.of(cities));
    }
}
