package aero.severity.ingest.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aero.severity.domain.code.NtsbCodes;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a source holds (Access-typed values, or text from CSV-born files) into the value of a
 * database column, or rejects it with a reason. Text: trimmed; in short code columns the NTSB's
 * spellings of "unknown" ({@link NtsbCodes#UNKNOWN_MARKERS}) read as null, except in key columns.
 * Numbers: Access numbers, or numeric text. Dates: Access dates, ISO text
 * ({@code 2014-05-13 14:32:10.320000}) and mdb-export text ({@code 09/25/20 18:05:31}).
 */
final class ValueConverter {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?");
    private static final Pattern US =
            Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern HH_MM = Pattern.compile("(\\d{1,2}):(\\d{2})");
    /**
     * Text columns that the events list index carries (V4, INCLUDE): a B-tree entry must fit in a
     * third of a page, so one 20,000-character city failed a whole batch on PostgreSQL. The NTSB's
     * own longest city is 37 characters; 500 characters keep the entry small in any alphabet.
     */
    private static final Map<String, Integer> INDEXED_TEXT = Map.of("ev_city", 500);
    /** Columns that hold a time of day as HHMM. */
    private static final Set<String> HHMM = Set.of("ev_time");

    private ValueConverter() {}

    static @Nullable Object convert(TargetColumn column, @Nullable Object raw, boolean key) throws RejectedValue {
        if (raw == null) {
            return null;
        }
        return switch (column.kind()) {
            case TEXT -> text(column, raw, key);
            case SMALLINT, INTEGER -> integer(column, raw);
            case REAL -> {
                Double d = decimal(column, raw);
                yield d == null ? null : (Object) d.floatValue();
            }
            case DOUBLE -> decimal(column, raw);
            case DATE -> {
                LocalDateTime t = timestamp(column, raw);
                yield t == null ? null : t.toLocalDate();
            }
            case TIMESTAMP -> timestamp(column, raw);
            case BOOLEAN -> bool(column, raw);
            case LOCATION -> null; // derived, never read
        };
    }

    private static @Nullable String text(TargetColumn column, Object raw, boolean key) throws RejectedValue {
        String text = raw instanceof String s
                ? s.strip()
                : raw instanceof Double || raw instanceof Float ? stripZeroFraction(raw.toString()) : raw.toString();
        if (text.isEmpty()) {
            return null;
        }
        if (column.code() && !key && NtsbCodes.normalize(text) == null) {
            return null;
        }
        if (column.length() > 0 && text.length() > column.length()) {
            throw new RejectedValue(column.name(), "longer than the column's " + column.length() + " characters", raw);
        }
        Integer indexed = INDEXED_TEXT.get(column.name());
        if (indexed != null && text.length() > indexed) {
            throw new RejectedValue(
                    column.name(), "longer than the " + indexed + " characters the event index can carry", raw);
        }
        return text;
    }

    private static @Nullable Number integer(TargetColumn column, Object raw) throws RejectedValue {
        long value;
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new RejectedValue(column.name(), "not a whole number", raw);
            }
            value = n.longValue();
        } else if (raw instanceof Boolean b) {
            value = b ? 1 : 0;
        } else {
            String text = raw.toString().strip();
            if (text.isEmpty() || NtsbCodes.normalize(text) == null) {
                return null;
            }
            Matcher hhmm = HH_MM.matcher(text);
            if (HHMM.contains(column.name()) && hhmm.matches()) {
                text = hhmm.group(1) + hhmm.group(2);
            }
            try {
                double d = Double.parseDouble(text);
                if (d != Math.rint(d)) {
                    throw new RejectedValue(column.name(), "not a whole number", raw);
                }
                value = (long) d;
            } catch (NumberFormatException e) {
                throw new RejectedValue(column.name(), "not a number", raw);
            }
        }
        if (value < 0 && column.name().startsWith("inj_")) {
            // injury counts (inj_tot_f, inj_person_count, ...) decide the label ml trains on
            throw new RejectedValue(column.name(), "a negative count of people", raw);
        }
        if (HHMM.contains(column.name()) && (value < 0 || value > 2359 || value % 100 > 59)) {
            throw new RejectedValue(column.name(), "not a time of day as HHMM (0000-2359)", raw);
        }
        if (column.kind() == TargetColumn.Kind.SMALLINT) {
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw new RejectedValue(column.name(), "out of range for a smallint", raw);
            }
            return (short) value;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RejectedValue(column.name(), "out of range for an integer", raw);
        }
        return (int) value;
    }

    private static @Nullable Double decimal(TargetColumn column, Object raw) throws RejectedValue {
        double value;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else {
            String text = raw.toString().strip();
            if (text.isEmpty() || NtsbCodes.normalize(text) == null) {
                return null;
            }
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new RejectedValue(column.name(), "not a number", raw);
            }
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new RejectedValue(column.name(), "not a finite number", raw);
        }
        if (column.name().equals("dec_latitude") && Math.abs(value) > 90) {
            throw new RejectedValue(column.name(), "latitude outside -90..90", raw);
        }
        if (column.name().equals("dec_longitude") && Math.abs(value) > 180) {
            throw new RejectedValue(column.name(), "longitude outside -180..180", raw);
        }
        return value;
    }

    static @Nullable LocalDateTime timestamp(TargetColumn column, Object raw) throws RejectedValue {
        if (raw instanceof LocalDateTime t) {
            return t;
        }
        if (raw instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (raw instanceof Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        String text = raw.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return at(
                        Integer.parseInt(iso.group(1)),
                        iso.group(2),
                        iso.group(3),
                        iso.group(4),
                        iso.group(5),
                        iso.group(6),
                        iso.group(7));
            }
            Matcher us = US.matcher(text);
            if (us.matches()) {
                int year = Integer.parseInt(us.group(3));
                if (us.group(3).length() == 2) {
                    // mdb-export writes two-digit years; NTSB data starts in 1962 and nothing is dated ahead
                    int pivot = (LocalDate.now(java.time.ZoneOffset.UTC).getYear() + 1) % 100;
                    year += year <= pivot ? 2000 : 1900;
                }
                return at(year, us.group(1), us.group(2), us.group(4), us.group(5), us.group(6), null);
            }
        } catch (RuntimeException e) {
            throw new RejectedValue(column.name(), "not a valid date: " + e.getMessage(), raw);
        }
        throw new RejectedValue(
                column.name(), "not a date (expected YYYY-MM-DD[ HH:MM:SS] or MM/DD/YY[ HH:MM:SS])", raw);
    }

    private static LocalDateTime at(
            int year,
            String month,
            String day,
            @Nullable String hour,
            @Nullable String minute,
            @Nullable String second,
            @Nullable String fraction) {
        LocalDate date = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        if (hour == null) {
            return date.atStartOfDay();
        }
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        return date.atTime(LocalTime.of(
                Integer.parseInt(hour),
                Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second),
                nanos));
    }

    private static @Nullable Boolean bool(TargetColumn column, Object raw) throws RejectedValue {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Number n) {
            return n.intValue() != 0;
        }
        String text = raw.toString().strip().toUpperCase(Locale.ROOT);
        return switch (text) {
            case "" -> null;
            case "TRUE", "T", "Y", "YES", "1", "-1" -> true;
            case "FALSE", "F", "N", "NO", "0" -> false;
            default -> throw new RejectedValue(column.name(), "not a yes/no value", raw);
        };
    }

    private static String stripZeroFraction(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }
}
