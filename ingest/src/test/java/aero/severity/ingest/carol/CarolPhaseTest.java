package aero.severity.ingest.carol;

import aero.severity.domain.code.FlightPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarolPhaseTest {

    @Test
    void everyBroadPhaseBecomesASpecificCodeThatMapsBackToIt() {
        for (FlightPhase phase : FlightPhase.values()) {
            Integer code = CarolFile.phase(phase.code());
            assertThat(code).as(phase.code()).isNotNull();
            assertThat(FlightPhase.ofSpecificCode(code)).as(phase.code()).contains(phase);
        }
        assertThat(CarolFile.phase("UNKNOWN")).isNull();
        assertThat(CarolFile.phase("landing")).isEqualTo(570);
    }
}
