package aero.severity.ingest.sample;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The pre-outcome facts of one generated event (what a model may use), drawn before the outcome.
 * The outcome is drawn from these facts by {@link SeverityOdds}.
 */
record Flight(
        LocalDate date,
        int hhmm,
        String light,
        @Nullable String weather,
        String category,
        String make,
        boolean amateurBuilt,
        int engines,
        String engineType,
        String farPart,
        String purpose,
        int phase,
        int pilotAge,
        String certificate,
        double totalHours,
        double makeHours,
        int gustKts,
        boolean airCarrier) {

    boolean night() {
        return light.equals("NITE") || light.equals("NDRK") || light.equals("NBRT");
    }

    boolean imc() {
        return "IMC".equals(weather);
    }
}
