package aero.severity.ingest.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleAccessFileTest {

    @TempDir
    static Path folder;

    private static SampleSummary summary;

    @BeforeAll
    static void generate() {
        summary = SampleAccessFile.write(
                folder.resolve("avall.mdb"), SampleOptions.of(6_000).withSeed(7));
    }

    @Test
    void tablesAndColumnsHaveTheRealAvallNamesAndCodesArePaddedLikeTheNtsbStoresThem() throws IOException {
        try (Database db = DatabaseBuilder.open(summary.file().toFile())) {
            assertThat(db.getTableNames())
                    .contains(
                            "events",
                            "aircraft",
                            "engines",
                            "Flight_Crew",
                            "flight_time",
                            "dt_Flight_Crew",
                            "injury",
                            "Findings",
                            "Occurrences",
                            "seq_of_events",
                            "Events_Sequence",
                            "narratives",
                            "NTSB_Admin",
                            "ct_iaids",
                            "ct_seqevt",
                            "states",
                            "Country");
            Table aircraft = db.getTable("aircraft");
            assertThat(aircraft.getColumn("Aircraft_Key")).isNotNull();
            Row first = aircraft.iterator().next();
            assertThat((String) first.get("far_part")).hasSize(4); // char(4): '091 '
            assertThat((String) db.getTable("engines").iterator().next().get("eng_type"))
                    .hasSize(4);
            assertThat(db.getTable("events").getRowCount()).isEqualTo(6_000);
        }
    }

    @Test
    void severitiesComeInRealAvallProportions() {
        double n = 6_000;
        Map<String, Integer> s = summary.severities();
        assertThat(s.get("NONE") / n).isCloseTo(0.55, within(0.03));
        assertThat(s.get("FATL") / n).isCloseTo(0.19, within(0.03));
        assertThat(s.get("MINR") / n).isCloseTo(0.15, within(0.03));
        assertThat(s.get("SERS") / n).isCloseTo(0.11, within(0.03));
    }

    @Test
    void locationsComeInBothForms() throws IOException {
        int decimalOnly = 0;
        int textOnly = 0;
        int both = 0;
        try (Database db = DatabaseBuilder.open(summary.file().toFile())) {
            for (Row row : db.getTable("events")) {
                Double dec = row.getDouble("dec_latitude");
                boolean decimal = dec != null && dec != 0.0;
                boolean text = row.getString("latitude") != null;
                if (decimal && text) {
                    both++;
                } else if (decimal) {
                    decimalOnly++;
                } else if (text) {
                    textOnly++;
                }
            }
        }
        assertThat(decimalOnly).isPositive();
        assertThat(textOnly).isPositive();
        assertThat(both).isPositive();
    }

    @Test
    void preOutcomeFactsCarryALearnableSignal() throws IOException {
        Map<String, int[]> byWeather = new HashMap<>();
        Map<Integer, int[]> byPhase = new HashMap<>();
        try (Database db = DatabaseBuilder.open(summary.file().toFile())) {
            Map<String, String> severity = new HashMap<>();
            for (Row ev : db.getTable("events")) {
                String injury = ev.getString("ev_highest_injury");
                severity.put(ev.getString("ev_id"), injury);
                count(byWeather, String.valueOf(ev.getString("wx_cond_basic")).trim(), "FATL".equals(injury));
            }
            for (Row ac : db.getTable("aircraft")) {
                if (ac.getInt("Aircraft_Key") == 1) {
                    count(
                            byPhase,
                            ac.getInt("phase_flt_spec") / 10,
                            "FATL".equals(severity.get(ac.getString("ev_id"))));
                }
            }
        }
        assertThat(rate(byWeather.get("IMC"))).isGreaterThan(2 * rate(byWeather.get("VMC")));
        assertThat(rate(byPhase.get(58))).as("maneuvering vs landing").isGreaterThan(4 * rate(byPhase.get(57)));
        assertThat(rate(byPhase.get(51))).as("taxi").isLessThan(0.05);
    }

    @Test
    void theSameSeedWritesTheSameData() throws IOException {
        SampleSummary again = SampleAccessFile.write(
                folder.resolve("again.mdb"), SampleOptions.of(200).withSeed(7));
        SampleSummary same = SampleAccessFile.write(
                folder.resolve("same.mdb"), SampleOptions.of(200).withSeed(7));
        assertThat(again.rowsPerTable()).isEqualTo(same.rowsPerTable());
        assertThat(again.severities()).isEqualTo(same.severities());
    }

    @Test
    void brokenVariantsAreBrokenAsAdvertised() throws IOException {
        SampleSummary truncated = SampleAccessFile.write(
                folder.resolve("t.mdb"), SampleOptions.of(300).broken(Breakage.TRUNCATED));
        SampleSummary sound = SampleAccessFile.write(folder.resolve("s.mdb"), SampleOptions.of(300));
        assertThat(Files.size(truncated.file())).isLessThan(Files.size(sound.file()));
        SampleSummary missing = SampleAccessFile.write(
                folder.resolve("m.mdb"), SampleOptions.of(50).broken(Breakage.MISSING_TABLE));
        try (Database db = DatabaseBuilder.open(missing.file().toFile())) {
            assertThat(db.getTableNames()).doesNotContain("events").contains("aircraft");
        }
        SampleSummary password = SampleAccessFile.write(
                folder.resolve("p.mdb"), SampleOptions.of(50).broken(Breakage.PASSWORD));
        try (Database db = DatabaseBuilder.open(password.file().toFile())) {
            assertThat(db.getDatabasePassword()).isEqualTo("secret");
        }
        SampleSummary wrong = SampleAccessFile.write(
                folder.resolve("w.mdb"), SampleOptions.of(50).broken(Breakage.WRONG_SCHEMA));
        try (Database db = DatabaseBuilder.open(wrong.file().toFile())) {
            assertThat(db.getTable("events").getColumns())
                    .extracting(c -> c.getName())
                    .contains("ev_id", "event_date")
                    .doesNotContain("ev_date");
            assertThat(db.getTable("events").getRowCount()).isEqualTo(50);
        }
        SampleSummary bad = SampleAccessFile.write(
                folder.resolve("b.mdb"), SampleOptions.of(500).broken(Breakage.BAD_VALUES));
        assertThat(bad.badRows()).isEqualTo(10);
    }

    @Test
    void askedYearsBoundEveryEventDate() throws IOException {
        SampleSummary recent = SampleAccessFile.write(
                folder.resolve("recent.mdb"), SampleOptions.of(300).years(2020, 2021));
        try (Database db = DatabaseBuilder.open(recent.file().toFile())) {
            java.util.Set<Integer> years = new java.util.TreeSet<>();
            for (Row ev : db.getTable("events")) {
                years.add(ev.getLocalDateTime("ev_date").getYear());
            }
            assertThat(years).containsExactly(2020, 2021);
        }
    }

    @Test
    void theNightImcShiftMovesTheInputsAndMakesThoseFlightsDeadlierThanBefore() throws IOException {
        SampleOptions year = SampleOptions.of(3_000).withSeed(11).years(2020, 2020);
        Mix usual =
                mix(SampleAccessFile.write(folder.resolve("usual.mdb"), year).file());
        Mix shifted = mix(SampleAccessFile.write(folder.resolve("shifted.mdb"), year.shifted(Shift.NIGHT_IMC))
                .file());
        assertThat(usual.nightImcShare()).isLessThan(0.03);
        assertThat(shifted.nightImcShare()).isGreaterThan(0.2);
        assertThat(shifted.fatalShare()).isGreaterThan(usual.fatalShare() + 0.05);
        assertThat(rate(shifted.nightImc()))
                .as("fatal share of night IMC flights")
                .isGreaterThan(rate(usual.nightImc()) + 0.1);
    }

    private record Mix(int events, int[] nightImc, int fatal) {
        double nightImcShare() {
            return nightImc[0] / (double) events;
        }

        double fatalShare() {
            return fatal / (double) events;
        }
    }

    private static Mix mix(Path file) throws IOException {
        int events = 0;
        int fatal = 0;
        int[] nightImc = new int[2];
        try (Database db = DatabaseBuilder.open(file.toFile())) {
            for (Row ev : db.getTable("events")) {
                events++;
                boolean isFatal = "FATL".equals(ev.getString("ev_highest_injury"));
                fatal += isFatal ? 1 : 0;
                String light = String.valueOf(ev.getString("light_cond")).trim();
                if (light.startsWith("N")
                        && "IMC"
                                .equals(String.valueOf(ev.getString("wx_cond_basic"))
                                        .trim())) {
                    nightImc[0]++;
                    nightImc[1] += isFatal ? 1 : 0;
                }
            }
        }
        return new Mix(events, nightImc, fatal);
    }

    private static <K> void count(Map<K, int[]> counts, K key, boolean fatal) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += fatal ? 1 : 0;
    }

    private static double rate(int[] counts) {
        return counts[1] / (double) counts[0];
    }
}
