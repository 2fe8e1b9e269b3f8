package aero.severity.domain;

import aero.severity.domain.code.UnknownCodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityTest {

    @Test
    void readsSpacePaddedAndLowerCaseCodes() {
        assertThat(Severity.fromNtsbCode("FATL")).contains(Severity.FATL);
        assertThat(Severity.fromNtsbCode(" sers ")).contains(Severity.SERS);
        assertThat(Severity.fromNtsbCode("MINR  ")).contains(Severity.MINR);
    }

    @Test
    void noneIsTheLargestClassNotAnUnknown() {
        assertThat(Severity.fromNtsbCode("NONE")).contains(Severity.NONE);
        assertThat(Severity.fromNtsbCode("None")).contains(Severity.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "UNK", "UNKN", "unk", "Unknown"})
    void unknownSpellingsReadAsNoValue(String raw) {
        assertThat(Severity.fromNtsbCode(raw)).isEmpty();
    }

    @Test
    void nullReadsAsNoValue() {
        assertThat(Severity.fromNtsbCode(null)).isEmpty();
    }

    @Test
    void rejectsACodeOutsideTheTableNamingTheAllowedCodes() {
        assertThatThrownBy(() -> Severity.fromNtsbCode("DEST"))
                .isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("'DEST'")
                .hasMessageContaining("FATL, SERS, MINR, NONE");
    }

    @Test
    void derivesHighestInjuryFromTotalsLikeTheAviationDataExport() {
        assertThat(Severity.fromInjuryTotals(2, 1, 0, 0)).contains(Severity.FATL);
        assertThat(Severity.fromInjuryTotals(0, 1, 3, null)).contains(Severity.SERS);
        assertThat(Severity.fromInjuryTotals(null, null, 1, 2)).contains(Severity.MINR);
        assertThat(Severity.fromInjuryTotals(0, 0, 0, 4)).contains(Severity.NONE);
        assertThat(Severity.fromInjuryTotals(null, null, null, null)).isEmpty();
    }

    @Test
    void theClassIndexIsFixedFromFatalToNoneAndReadsBack() {
        assertThat(java.util.Arrays.stream(Severity.values()).mapToInt(Severity::index))
                .containsExactly(0, 1, 2, 3);
        assertThat(Severity.ofIndex(0)).isEqualTo(Severity.FATL);
        assertThat(Severity.ofIndex(3)).isEqualTo(Severity.NONE);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Severity.ofIndex(4))
                .withMessageContaining("0-3");
    }
}
