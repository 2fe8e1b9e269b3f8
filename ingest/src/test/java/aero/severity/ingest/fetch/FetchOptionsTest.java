package aero.severity.ingest.fetch;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchOptionsTest {

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSignAndSpringPropertiesArePassedOver() {
        FetchOptions options = FetchOptions.parse(List.of(
                "--files",
                "avall.zip,up08NOV.zip",
                "--months=2",
                "--spring.datasource.url=jdbc:h2:mem:x",
                "--base-url=http://127.0.0.1:1/avdata/",
                "--dry-run",
                "--files=up15NOV.zip"));
        assertThat(options.files()).containsExactly("avall.zip", "up08NOV.zip", "up15NOV.zip");
        assertThat(options.months()).isEqualTo(2);
        assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:1/avdata/");
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void nothingGivenMeansTheConfiguredMonthsAndARealRun() {
        FetchOptions options = FetchOptions.parse(List.of());
        assertThat(options.files()).isEmpty();
        assertThat(options.months()).isNull();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void unknownOptionsMissingValuesAndBadValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FetchOptions.parse(List.of("--frobnicate")))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> FetchOptions.parse(List.of("avall.zip")))
                .hasMessageContaining("unknown argument avall.zip");
        assertThatThrownBy(() -> FetchOptions.parse(List.of("--files"))).hasMessageContaining("--files needs a value");
        assertThatThrownBy(() -> FetchOptions.parse(List.of("--months", "x"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> FetchOptions.parse(List.of("--months", "13"))).hasMessageContaining("0-12");
        assertThatThrownBy(() -> FetchOptions.parse(List.of("--base-url", "ftp://x/")))
                .hasMessageContaining("http://");
    }
}
