package aero.severity.ingest.load;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueConverterTest {

    private static final TargetColumn CODE = TargetColumn.of("eng_type", Types.VARCHAR, "varchar", 4);
    private static final TargetColumn TEXT = TargetColumn.of("ev_city", Types.VARCHAR, "text", Integer.MAX_VALUE);
    private static final TargetColumn EV_TIME = TargetColumn.of("ev_time", Types.SMALLINT, "int2", 5);
    private static final TargetColumn INT = TargetColumn.of("cert_max_gr_wt", Types.INTEGER, "int4", 10);
    private static final TargetColumn REAL = TargetColumn.of("vis_sm", Types.REAL, "float4", 8);
    private static final TargetColumn LAT = TargetColumn.of("dec_latitude", Types.DOUBLE, "float8", 17);
    private static final TargetColumn STAMP = TargetColumn.of("lchg_date", Types.TIMESTAMP, "timestamp", 29);
    private static final TargetColumn DATE = TargetColumn.of("ev_date", Types.DATE, "date", 13);
    private static final TargetColumn BOOL = TargetColumn.of("unmanned", Types.BOOLEAN, "bool", 1);

    @Test
    void spacePaddedCodesAreTrimmedAndUnknownSpellingsAreNull() throws RejectedValue {
        assertThat(ValueConverter.convert(CODE, "TF  ", false)).isEqualTo("TF");
        assertThat(ValueConverter.convert(CODE, "UNK ", false)).isNull();
        assertThat(ValueConverter.convert(CODE, "UNKN", false)).isNull();
        assertThat(ValueConverter.convert(CODE, "    ", false)).isNull();
        assertThat(ValueConverter.convert(CODE, "NONE", false))
                .as("NONE is a real code")
                .isEqualTo("NONE");
    }

    @Test
    void keyColumnsKeepTheirValueEvenWhenItSpellsUnknown() throws RejectedValue {
        assertThat(ValueConverter.convert(CODE, "UNK ", true)).isEqualTo("UNK");
    }

    @Test
    void textLongerThanItsColumnIsRejected() throws RejectedValue {
        assertThatThrownBy(() -> ValueConverter.convert(CODE, "TURBOFAN", false))
                .isInstanceOf(RejectedValue.class)
                .hasMessageContaining("longer than the column's 4 characters");
        assertThat(ValueConverter.convert(TEXT, "  Las Vegas ", false)).isEqualTo("Las Vegas");
        assertThat(ValueConverter.convert(TEXT, "x".repeat(500), false)).isEqualTo("x".repeat(500));
        assertThatThrownBy(() -> ValueConverter.convert(TEXT, "x".repeat(501), false))
                .isInstanceOf(RejectedValue.class)
                .hasMessageContaining("the event index can carry");
    }

    @Test
    void injuryCountsCannotBeNegativeOrBeyondASmallint() throws RejectedValue {
        TargetColumn fatal = TargetColumn.of("inj_tot_f", Types.SMALLINT, "int2", 5);
        assertThat(ValueConverter.convert(fatal, "3", false)).isEqualTo((short) 3);
        assertThatThrownBy(() -> ValueConverter.convert(fatal, "-3", false)).hasMessageContaining("negative count");
        assertThatThrownBy(() -> ValueConverter.convert(fatal, -1, false)).hasMessageContaining("negative count");
        assertThatThrownBy(() -> ValueConverter.convert(fatal, Integer.MAX_VALUE, false))
                .hasMessageContaining("out of range for a smallint");
    }

    @Test
    void evTimeIsHhmmFromNumbersOrText() throws RejectedValue {
        assertThat(ValueConverter.convert(EV_TIME, 1330, false)).isEqualTo((short) 1330);
        assertThat(ValueConverter.convert(EV_TIME, "0945", false)).isEqualTo((short) 945);
        assertThat(ValueConverter.convert(EV_TIME, "9:45", false)).isEqualTo((short) 945);
        assertThatThrownBy(() -> ValueConverter.convert(EV_TIME, 2575, false)).hasMessageContaining("HHMM");
        assertThatThrownBy(() -> ValueConverter.convert(EV_TIME, "1261", false)).hasMessageContaining("HHMM");
    }

    @Test
    void numericTextIsParsedAndGarbageRejected() throws RejectedValue {
        assertThat(ValueConverter.convert(INT, "142000", false)).isEqualTo(142_000);
        assertThat(ValueConverter.convert(INT, " 53000.0 ", false)).isEqualTo(53_000);
        assertThat(ValueConverter.convert(INT, "UNK", false)).isNull();
        assertThat(ValueConverter.convert(REAL, "29.92", false)).isEqualTo(29.92f);
        assertThatThrownBy(() -> ValueConverter.convert(INT, "12,5 lbs", false)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ValueConverter.convert(INT, "12.5", false)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ValueConverter.convert(LAT, 123.5, false)).hasMessageContaining("latitude outside");
    }

    @Test
    void datesComeAsAccessValuesIsoTextOrMdbExportText() throws RejectedValue {
        LocalDateTime access = LocalDateTime.of(2014, 3, 4, 0, 0);
        assertThat(ValueConverter.convert(STAMP, access, false)).isEqualTo(access);
        assertThat(ValueConverter.convert(STAMP, "2014-05-13 14:32:10.320000", false))
                .isEqualTo(LocalDateTime.of(2014, 5, 13, 14, 32, 10, 320_000_000));
        assertThat(ValueConverter.convert(STAMP, "09/25/20 18:05:31", false))
                .isEqualTo(LocalDateTime.of(2020, 9, 25, 18, 5, 31));
        assertThat(ValueConverter.convert(STAMP, "02/11/82 00:00:00", false))
                .isEqualTo(LocalDateTime.of(1982, 2, 11, 0, 0));
        assertThat(ValueConverter.convert(DATE, "2014-03-04 00:00:00", false)).isEqualTo(LocalDate.of(2014, 3, 4));
        assertThat(ValueConverter.convert(DATE, "2012-12-31", false)).isEqualTo(LocalDate.of(2012, 12, 31));
        assertThatThrownBy(() -> ValueConverter.convert(DATE, "2012-02-30", false))
                .hasMessageContaining("not a valid date");
        assertThatThrownBy(() -> ValueConverter.convert(DATE, "yesterday", false))
                .hasMessageContaining("not a date");
    }

    @Test
    void yesNoValuesInTheirManySpellings() throws RejectedValue {
        assertThat(ValueConverter.convert(BOOL, "False", false)).isEqualTo(false);
        assertThat(ValueConverter.convert(BOOL, "Y", false)).isEqualTo(true);
        assertThat(ValueConverter.convert(BOOL, Boolean.TRUE, false)).isEqualTo(true);
        assertThatThrownBy(() -> ValueConverter.convert(BOOL, "maybe", false)).hasMessageContaining("yes/no");
    }
}
