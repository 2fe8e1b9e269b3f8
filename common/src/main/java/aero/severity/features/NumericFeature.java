package aero.severity.features;

import java.util.function.ToDoubleFunction;

import aero.severity.domain.FlightFacts;

/**
 * A numeric input of the model: how it is read from the facts (NaN when unknown) and the plausible
 * range outside which a value is treated as unknown (historical data holds typos such as a pilot
 * aged 0).
 */
enum NumericFeature {
    YEAR(f -> f.eventDate().getYear(), FlightFacts.FIRST_YEAR, FlightFacts.LAST_YEAR, false),
    LATITUDE(f -> orNaN(f.latitude()), -90, 90, false),
    LONGITUDE(f -> orNaN(f.longitude()), -180, 180, false),
    WIND_SPEED_KTS(f -> orNaN(f.windSpeedKts()), 0, 150, false),
    WIND_GUST_KTS(f -> orNaN(f.windGustKts()), 0, 200, false),
    VISIBILITY_MILES(f -> orNaN(f.visibilityMiles()), 0, 100, false),
    TEMPERATURE_C(f -> orNaN(f.temperatureC()), -60, 60, false),
    DENSITY_ALTITUDE_FT(f -> orNaN(f.densityAltitudeFt()), -3000, 30000, false),
    ENGINE_COUNT(f -> orNaN(f.engineCount()), 0, 8, false),
    MAX_GROSS_WEIGHT_LBS(f -> orNaN(f.maxGrossWeightLbs()), 1, 1_500_000, true),
    AIRCRAFT_AGE_YEARS(NumericFeature::aircraftAge, 0, 100, false),
    PILOT_AGE(f -> orNaN(f.pilotAge()), 12, 100, false),
    PILOT_TOTAL_HOURS(f -> orNaN(f.pilotTotalHours()), 0, 100_000, true),
    PILOT_MAKE_MODEL_HOURS(f -> orNaN(f.pilotMakeModelHours()), 0, 50_000, true),
    AIRPORT_DISTANCE_MILES(f -> orNaN(f.airportDistanceMiles()), 0, 500, true);

    @SuppressWarnings("ImmutableEnumChecker") // a stateless method reference: Error Prone cannot tell
    private final ToDoubleFunction<FlightFacts> reader;

    private final double min;
    private final double max;
    private final boolean logScale;

    NumericFeature(ToDoubleFunction<FlightFacts> reader, double min, double max, boolean logScale) {
        this.reader = reader;
        this.min = min;
        this.max = max;
        this.logScale = logScale;
    }

    /** The feature's name in the model: lower snake case, prefixed {@code log_} when log-scaled. */
    String featureName() {
        String base = name().toLowerCase(java.util.Locale.ROOT);
        return logScale ? "log_" + base : base;
    }

    /** The value on the model's scale (log1p for heavy-tailed counts), NaN when unknown or implausible. */
    double read(FlightFacts facts) {
        double raw = reader.applyAsDouble(facts);
        if (Double.isNaN(raw) || raw < min || raw > max) {
            return Double.NaN;
        }
        return logScale ? Math.log1p(raw) : raw;
    }

    /** The FlightFacts field the input is read from: its name in camel case unless it is derived. */
    String requestField() {
        return switch (this) {
            case YEAR -> "eventDate";
            case AIRCRAFT_AGE_YEARS -> "aircraftYear";
            default -> CategoricalFeature.camelCase(name());
        };
    }

    private static double aircraftAge(FlightFacts facts) {
        Integer built = facts.aircraftYear();
        return built == null ? Double.NaN : Math.max(0, facts.eventDate().getYear() - built);
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
