package aero.severity.domain.code;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlightPhaseTest {

    @ParameterizedTest
    @CsvSource({
        "500,STANDING",
        "512,TAXI",
        "522,TAKEOFF",
        "531,CLIMB",
        "541,CRUISE",
        "542,MANEUVERING",
        "553,DESCENT",
        "564,APPROACH",
        "565,GO_AROUND",
        "569,GO_AROUND",
        "571,LANDING",
        "575,LANDING",
        "581,MANEUVERING",
        "592,HOVER",
        "600,OTHER"
    })
    void groupsSpecificPhaseCodesIntoBroadPhases(int specific, FlightPhase broad) {
        assertThat(FlightPhase.ofSpecificCode(specific)).contains(broad);
    }

    @ParameterizedTest
    @EnumSource(FlightPhase.class)
    void theBlockCodeOfAPhaseIsASpecificCodeOfThatPhase(FlightPhase phase) {
        assertThat(FlightPhase.ofSpecificCode(phase.blockCode())).contains(phase);
    }

    @ParameterizedTest
    @CsvSource({"STANDING,500", "GO_AROUND,565", "LANDING,570", "OTHER,600"})
    void theBlockCodeIsTheFirstCodeOfTheBlock(FlightPhase phase, int code) {
        assertThat(phase.blockCode()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(ints = {610, 0, 499, 700, -1})
    void unknownAndOutOfTableCodesHaveNoPhase(int specific) {
        assertThat(FlightPhase.ofSpecificCode(specific)).isEmpty();
    }
}
