package aero.severity.ingest.sample;

import java.util.Locale;

/**
 * How generated events differ from the world the years before them describe, so that a drill can see
 * drift noticed. Applied on top of the usual draw; the default years are {@link #NONE}.
 */
public enum Shift {
    /** The usual mix and the usual relation between the facts and the outcome. */
    NONE,
    /**
     * More accidents at night in instrument conditions (60 % of flights moved to night, 70 % of those in
     * IMC, against about 10 % and 8.5 % otherwise), and those deadlier than before: fatal log-odds +2.5
     * on top of what night and IMC already add. The inputs move (light, weather, time of day) and so does
     * the relation a model learned from earlier years.
     */
    NIGHT_IMC;

    /** Extra fatal log-odds for a flight under this shift. */
    double extraRisk(Flight flight) {
        return this == NIGHT_IMC && flight.night() && flight.imc() ? 2.5 : 0;
    }

    /** The CLI spelling: {@code none}, {@code night-imc}. */
    public static Shift parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
