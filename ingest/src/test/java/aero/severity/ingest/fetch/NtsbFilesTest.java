package aero.severity.ingest.fetch;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NtsbFilesTest {

    private static final List<Integer> NTSB_DAYS = List.of(1, 8, 15, 22);
    private static final String NTSB =
            "https://data.ntsb.gov/avdata/FileDirectory/DownloadFile?fileID=C%3A%5Cavdata%5C";

    @Test
    void theUpdatesOfTheLastMonthsAreTheNtsbsWeeklyNamesUpToToday() {
        assertThat(NtsbFiles.updatesOfLastMonths(LocalDate.of(2026, 12, 3), 1, NTSB_DAYS))
                .containsExactly("up08NOV.zip", "up15NOV.zip", "up22NOV.zip", "up01DEC.zip");
        assertThat(NtsbFiles.updatesOfLastMonths(LocalDate.of(2026, 12, 8), 3, NTSB_DAYS))
                .hasSize(12)
                .startsWith("up15SEP.zip")
                .endsWith("up01DEC.zip", "up08DEC.zip");
    }

    @Test
    void anUpdateIsDatedInTheLatestYearThatPutsItOnOrBeforeToday() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        assertThat(NtsbFiles.cutoff("up08JAN.zip", today)).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(NtsbFiles.cutoff("up22DEC.zip", today)).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(NtsbFiles.cutoff("UP15jan.ZIP", today)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(NtsbFiles.cutoff("avall.zip", today)).isNull();
        assertThat(NtsbFiles.cutoff("up31FEB.zip", today)).isNull();
    }

    @Test
    void fullDatabasesComeFirstInTheOrderNamedThenUpdatesByDateAcrossTheYearEnd() {
        List<PublishedFile> plan = NtsbFiles.plan(
                List.of("up08JAN.zip", "avall.zip", "up22DEC.zip", "Pre2008.zip"),
                0,
                LocalDate.of(2027, 1, 10),
                NTSB_DAYS,
                NTSB);
        assertThat(plan)
                .extracting(PublishedFile::name)
                .containsExactly("avall.zip", "Pre2008.zip", "up22DEC.zip", "up08JAN.zip");
        assertThat(plan).allMatch(PublishedFile::named);
    }

    @Test
    void aNamedFileAndTheSameDerivedUpdateArePlannedOnceAsNamed() {
        List<PublishedFile> plan =
                NtsbFiles.plan(List.of("up01DEC.zip"), 1, LocalDate.of(2026, 12, 3), NTSB_DAYS, NTSB);
        assertThat(plan)
                .extracting(PublishedFile::name)
                .containsExactly("up08NOV.zip", "up15NOV.zip", "up22NOV.zip", "up01DEC.zip");
        assertThat(plan)
                .filteredOn(PublishedFile::named)
                .extracting(PublishedFile::name)
                .containsExactly("up01DEC.zip");
    }

    @Test
    void theUrlIsTheBaseWithTheNameAppendedOrPutInPlaceOfTheFilePlaceholder() {
        assertThat(NtsbFiles.url(NTSB, "avall.zip"))
                .hasToString(
                        "https://data.ntsb.gov/avdata/FileDirectory/DownloadFile?fileID=C%3A%5Cavdata%5Cavall.zip");
        assertThat(NtsbFiles.url("http://mirror.example/ntsb/{file}?raw=1", "up08NOV.zip"))
                .hasToString("http://mirror.example/ntsb/up08NOV.zip?raw=1");
    }

    @Test
    void aNameThatIsNotAPlainArchiveNameIsRefused() {
        for (String bad : List.of("../avall.zip", "/etc/avall.zip", "avall.mdb", "a b.zip", "dir/up08NOV.zip")) {
            assertThatThrownBy(() -> NtsbFiles.plan(List.of(bad), 0, LocalDate.of(2026, 12, 3), NTSB_DAYS, NTSB))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an archive name");
        }
    }
}
