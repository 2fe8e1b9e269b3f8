package aero.severity.ml.dataset;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query's text, read as a specification of what may reach a model. */
class TrainingSetQueryTest {

    /** Outcome and administrative tables: nothing in them is known before the outcome. */
    private static final Set<String> EXCLUDED_TABLES =
            Set.of("injury", "findings", "occurrences", "seq_of_events", "events_sequence", "narratives", "ntsb_admin");

    /** Outcome columns of the tables the query does read. */
    private static final Set<String> EXCLUDED_COLUMNS = Set.of(
            "damage",
            "acft_fire",
            "acft_expl",
            "ev_type",
            "inj_f_grnd",
            "inj_m_grnd",
            "inj_s_grnd",
            "inj_tot_f",
            "inj_tot_m",
            "inj_tot_n",
            "inj_tot_s",
            "inj_tot_t",
            "crew_inj_level",
            "crew_tox_perf",
            "seatbelts_used",
            "ntsb_no",
            "rec_stat",
            "report_status",
            "narr_accp",
            "narr_accf",
            "narr_cause",
            "narr_inc",
            "finding_code",
            "occurrence_code",
            "mid_air",
            "on_ground_collision",
            "ntsb_docket",
            "invest_agy");

    private static Set<String> referencedColumns() {
        Set<String> columns = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b[a-z][a-z0-9]?\\.([a-z_][a-z0-9_]*)")
                .matcher(TrainingSetQuery.SQL.toLowerCase(Locale.ROOT));
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    private static Set<String> referencedTables() {
        Set<String> tables = new LinkedHashSet<>();
        Matcher m =
                Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)").matcher(TrainingSetQuery.SQL.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    @Test
    void readsNoOutcomeTable() {
        assertThat(referencedTables())
                .isNotEmpty()
                .doesNotContainAnyElementsOf(EXCLUDED_TABLES)
                .isSubsetOf(TrainingSetQuery.TABLES);
    }

    @Test
    void readsNoOutcomeColumn() {
        assertThat(referencedColumns())
                .contains("ev_date", "acft_make", "crew_age", "flight_hours")
                .doesNotContainAnyElementsOf(EXCLUDED_COLUMNS);
    }

    @Test
    void theHighestInjuryIsReadOnlyOnceAsTheLabel() {
        assertThat(TrainingSetQuery.SQL.split("ev_highest_injury", -1)).hasSize(2);
        assertThat(TrainingSetQuery.SQL).containsPattern("e\\.ev_highest_injury\\s+FROM events e");
    }

    @Test
    void anUnknownTimeOfDayIsUnknownNotMidnight() {
        assertThat(TrainingSetQuery.hour(1530)).isEqualTo(15);
        assertThat(TrainingSetQuery.hour(5)).isZero();
        assertThat(TrainingSetQuery.hour(0)).isNull();
        assertThat(TrainingSetQuery.hour(2400)).isNull();
        assertThat(TrainingSetQuery.hour(1275)).isNull();
        assertThat(TrainingSetQuery.hour(null)).isNull();
    }
}
