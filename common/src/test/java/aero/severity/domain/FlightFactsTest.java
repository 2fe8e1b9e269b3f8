package aero.severity.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.State;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlightFactsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private final JsonMapper json = JsonMapper.builder().build();

    private static Map<String, String> violations(FlightFacts facts) {
        return VALIDATOR.validate(facts).stream()
                .collect(Collectors.toMap(
                        v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a + "; " + b));
    }

    @Test
    void aFlightWithOnlyItsDateIsValid() {
        assertThat(violations(FlightFacts.on(LocalDate.of(2010, 6, 1)).build())).isEmpty();
    }

    @Test
    void eachOutOfRangeFieldIsNamedWithItsRule() {
        FlightFacts facts = FlightFacts.on(LocalDate.of(2010, 6, 1))
                .localHour(24)
                .location(91.0, -200.0)
                .pilotAge(7)
                .engineCount(12)
                .pilotTotalHours(-1.0)
                .country("usa")
                .make("X".repeat(31))
                .build();

        assertThat(violations(facts))
                .containsOnlyKeys(
                        "localHour",
                        "latitude",
                        "longitude",
                        "pilotAge",
                        "engineCount",
                        "pilotTotalHours",
                        "country",
                        "make")
                .containsEntry("localHour", "must be an hour 0-23")
                .containsEntry("pilotAge", "must be 12-100 years");
    }

    @Test
    void missingEventDateIsRequired() {
        assertThat(violations(FlightFacts.on(null).build())).containsEntry("eventDate", "is required");
    }

    @Test
    void crossFieldRulesNameTheirRule() {
        FlightFacts facts = FlightFacts.on(LocalDate.of(1950, 6, 1))
                .location(40.0, null)
                .aircraftYear(1960)
                .pilotTotalHours(100.0)
                .pilotMakeModelHours(200.0)
                .build();

        assertThat(violations(facts).values())
                .contains(
                        "must be a date between 1962 and 2100",
                        "latitude and longitude must be given together",
                        "aircraftYear must not be after the event date",
                        "pilotMakeModelHours must not exceed pilotTotalHours");
    }

    @Test
    void readsFromJsonWithNtsbCodes() {
        FlightFacts facts = json.readValue("""
                {"eventDate":"2011-07-04","state":"AK","aircraftCategory":"HELI","farPart":"135","make":"Bell"}
                """, FlightFacts.class);

        assertThat(facts.state()).isEqualTo(State.AK);
        assertThat(facts.aircraftCategory()).isEqualTo(AircraftCategory.HELI);
        assertThat(facts.farPart()).isEqualTo(FarPart.PART_135);
        assertThat(facts.pilotAge()).isNull();
    }

    @Test
    void jsonWithAnUnknownCodeFailsOnThatField() {
        assertThatThrownBy(
                        () -> json.readValue("{\"eventDate\":\"2011-07-04\",\"farPart\":\"999\"}", FlightFacts.class))
                .isInstanceOfSatisfying(
                        InvalidFormatException.class,
                        e -> assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("farPart"));
    }
}
