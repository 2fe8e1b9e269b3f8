package aero.severity.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every encoded column belongs to exactly one request field, found from the inputs themselves. */
class RequestFieldTest {

    private static FeatureEncoder encoder() {
        List<FlightFacts> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(FlightFacts.on(LocalDate.of(2000 + i % 10, 1 + i % 12, 1 + i % 28))
                    .make(i % 2 == 0 ? "Cessna" : "Piper")
                    .state(i % 2 == 0 ? State.CA : State.TX)
                    .country("USA")
                    .pilotAge(30 + i % 40)
                    .build());
        }
        return FeatureEncoder.fit(rows, 30, 1);
    }

    private static List<String> namesOf(FeatureEncoder encoder, RequestField field) {
        return Arrays.stream(field.columns())
                .mapToObj(encoder.featureNames()::get)
                .toList();
    }

    private static RequestField field(FeatureEncoder encoder, String name) {
        return encoder.requestFields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyEncodedColumnBelongsToExactlyOneRequestField() {
        FeatureEncoder encoder = encoder();

        int[] all = encoder.requestFields().stream()
                .flatMapToInt(f -> Arrays.stream(f.columns()))
                .sorted()
                .toArray();

        assertThat(all).hasSize(encoder.dimension()).doesNotHaveDuplicates();
        assertThat(all[all.length - 1]).isEqualTo(encoder.dimension() - 1);
    }

    /** Fails when a new input's name does not say the FlightFacts field: give it a case in requestField(). */
    @Test
    void everyRequestFieldIsAFlightFactsField() {
        assertThat(encoder().requestFields())
                .allSatisfy(field -> assertThat(RequestField.isFlightFactsField(field.name()))
                        .as(field.name() + " is not a FlightFacts field")
                        .isTrue());
    }

    @Test
    void oneHotColumnsAndTheMissingIndicatorOfACodeFormOneField() {
        FeatureEncoder encoder = encoder();

        RequestField phase = field(encoder, "flightPhase");

        assertThat(namesOf(encoder, phase))
                .allSatisfy(name -> assertThat(name).startsWith("flight_phase"))
                .contains("flight_phase=TAKEOFF", "flight_phase.missing")
                .hasSize(FlightPhase.values().length + 1);
        assertThat(Arrays.stream(phase.missing()).mapToObj(encoder.featureNames()::get))
                .containsExactly("flight_phase.missing");
    }

    @Test
    void theDateOwnsYearMonthAndWeekdayAndTheHourOwnsItsCyclicColumns() {
        FeatureEncoder encoder = encoder();

        assertThat(namesOf(encoder, field(encoder, "eventDate")))
                .contains("year", "year.missing", "month_sin", "month_cos", "day_of_week=MONDAY");
        assertThat(namesOf(encoder, field(encoder, "localHour")))
                .containsExactly("local_hour_sin", "local_hour_cos", "local_hour.missing");
        assertThat(namesOf(encoder, field(encoder, "aircraftYear")))
                .containsExactly("aircraft_age_years", "aircraft_age_years.missing");
        assertThat(namesOf(encoder, field(encoder, "pilotTotalHours")))
                .containsExactly("log_pilot_total_hours", "log_pilot_total_hours.missing");
    }

    @Test
    void theValueSeenIsTheRequestsOwnValueAndUnknownIsReadFromTheMissingColumns() {
        FeatureEncoder encoder = encoder();
        FlightFacts facts = FlightFacts.on(LocalDate.of(2019, 7, 14))
                .flightPhase(FlightPhase.TAKEOFF)
                .pilotAge(54)
                .make("Zlin Aviation")
                .build();
        double[] encoded = encoder.encode(facts);

        assertThat(field(encoder, "flightPhase").valueIn(facts)).isEqualTo("TAKEOFF");
        assertThat(field(encoder, "eventDate").valueIn(facts)).isEqualTo("2019-07-14");
        assertThat(field(encoder, "pilotAge").valueIn(facts)).isEqualTo(54);
        assertThat(field(encoder, "make").valueIn(facts)).isEqualTo("Zlin Aviation");
        assertThat(field(encoder, "make").unknownIn(encoded))
                .as("an unseen make is OTHER, not unknown")
                .isFalse();
        assertThat(field(encoder, "pilotTotalHours").valueIn(facts)).isNull();
        assertThat(field(encoder, "pilotTotalHours").unknownIn(encoded)).isTrue();
        assertThat(field(encoder, "pilotAge").unknownIn(encoded)).isFalse();
    }
}
