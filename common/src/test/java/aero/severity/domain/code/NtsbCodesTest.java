package aero.severity.domain.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NtsbCodesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void trimsThePaddingTheAccessFileStores() {
        assertThat(NtsbCodes.parse(EngineType.class, "TF  ")).contains(EngineType.TF);
        assertThat(NtsbCodes.parse(FarPart.class, "091 ")).contains(FarPart.PART_91);
        assertThat(NtsbCodes.parse(State.class, "ak")).contains(State.AK);
    }

    @Test
    void noneIsARealEngineTypeAndCertificate() {
        assertThat(NtsbCodes.parse(EngineType.class, "NONE")).contains(EngineType.NONE);
        assertThat(NtsbCodes.parse(PilotCertificate.class, "NONE")).contains(PilotCertificate.NONE);
    }

    @Test
    void notReportedLightConditionIsUnknown() {
        assertThat(NtsbCodes.parse(LightCondition.class, "NR")).isEmpty();
    }

    @Test
    void strictParsingRejectsUnknownCodesButLenientParsingDropsThem() {
        assertThatThrownBy(() -> NtsbCodes.parse(WeatherCondition.class, "FOG"))
                .isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("WeatherCondition")
                .hasMessageContaining("VMC, IMC");
        assertThat(NtsbCodes.parseLenient(WeatherCondition.class, "FOG")).isEmpty();
    }

    @Test
    void notApplicableScheduleIsAValueNotAnUnknown() {
        assertThat(NtsbCodes.parse(Schedule.class, "N/A")).contains(Schedule.NOT_APPLICABLE);
    }

    @ParameterizedTest
    @CsvSource({"PART_91,\"091\"", "NOT_APPLICABLE,\"N/A\"", "GO_AROUND,\"GO-AROUND\""})
    void writesAndReadsCodesAsTheNtsbSpellsThem(String constant, String jsonValue) {
        NtsbCode code = switch (constant) {
            case "PART_91" -> FarPart.PART_91;
            case "NOT_APPLICABLE" -> Schedule.NOT_APPLICABLE;
            default -> FlightPhase.GO_AROUND;
        };
        assertThat(json.writeValueAsString(code)).isEqualTo(jsonValue);
        assertThat(json.readValue(jsonValue, code.getClass())).isEqualTo(code);
    }

    @Test
    void jsonRejectsACodeOutsideTheTable() {
        assertThatThrownBy(() -> json.readValue("\"XX\"", AircraftCategory.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("XX");
    }
}
