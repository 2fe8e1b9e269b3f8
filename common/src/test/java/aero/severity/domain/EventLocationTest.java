package aero.severity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventLocationTest {

    @Test
    void decimalDegreesWinWhenBothArePresentAndNotThePlaceholderZero() {
        EventLocation c = EventLocation.of(36.210556, -115.194444, "324406N", "1171123W");
        assertThat(c).isEqualTo(new EventLocation(36.210556, -115.194444));
    }

    @Test
    void ddmmssTextIsUsedWhenDecimalsAreMissingOrZero() {
        EventLocation c = EventLocation.of(0.0, 0.0, "324406N", "1171123W");
        assertThat(c.latitude()).isCloseTo(32 + 44 / 60.0 + 6 / 3600.0, within(1e-9));
        assertThat(c.longitude()).isCloseTo(-(117 + 11 / 60.0 + 23 / 3600.0), within(1e-9));
        assertThat(EventLocation.of(null, null, "611028n", "1495947w").longitude())
                .isNegative();
        assertThat(EventLocation.dms("0875417W", "E", "W", 180))
                .isCloseTo(-(87 + 54 / 60.0 + 17 / 3600.0), within(1e-9));
    }

    @Test
    void malformedOrImpossibleTextGivesNoLocation() {
        assertThat(EventLocation.of(null, null, "       ", "        ")).isNull();
        assertThat(EventLocation.of(null, null, "326199N", "1171123W"))
                .as("61 minutes")
                .isNull();
        assertThat(EventLocation.of(null, null, "324406E", "1171123W"))
                .as("latitude with E")
                .isNull();
        assertThat(EventLocation.of(null, null, "954406N", "1171123W"))
                .as("95 degrees")
                .isNull();
        assertThat(EventLocation.of(36.2, null, null, null)).isNull();
    }
}
