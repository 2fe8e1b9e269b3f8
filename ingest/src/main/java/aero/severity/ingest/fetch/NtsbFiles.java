package aero.severity.ingest.fetch;

import java.net.URI;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The NTSB's file names and the order they are imported in. Updates are {@code upDDMON.zip}: changes
 * up to the day before DD of month MON, with no year (the NTSB keeps them three months, so the year is
 * the latest one that puts the date on or before today). Full databases ({@code avall.zip},
 * {@code Pre2008.zip}) come first, in the order asked, then updates by date.
 */
final class NtsbFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.zip", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile("up(\\d{2})([a-z]{3})\\.zip", Pattern.CASE_INSENSITIVE);

    private NtsbFiles() {}

    /** The files to fetch: those named, then the updates of the last {@code months} months (0: none), in import order. */
    static List<PublishedFile> plan(
            List<String> named, int months, LocalDate today, List<Integer> updateDays, String baseUrl) {
        Map<String, PublishedFile> files = new LinkedHashMap<>();
        for (String name : named) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "'" + name + "' is not an archive name such as avall.zip or up08APR.zip");
            }
            files.putIfAbsent(
                    name.toLowerCase(Locale.ROOT),
                    new PublishedFile(name, url(baseUrl, name), cutoff(name, today), true));
        }
        for (String name : updatesOfLastMonths(today, months, updateDays)) {
            files.putIfAbsent(
                    name.toLowerCase(Locale.ROOT),
                    new PublishedFile(name, url(baseUrl, name), cutoff(name, today), false));
        }
        List<PublishedFile> ordered = new ArrayList<>(files.values());
        // stable: full databases keep the order they were named in, ahead of every update
        ordered.sort(Comparator.comparing(PublishedFile::cutoff, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(ordered);
    }

    /** {@code upDDMON.zip} for every update day in (today - months, today]. */
    static List<String> updatesOfLastMonths(LocalDate today, int months, List<Integer> updateDays) {
        List<String> names = new ArrayList<>();
        LocalDate after = today.minusMonths(months);
        for (LocalDate month = after.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            for (int day : updateDays.stream().sorted().toList()) {
                LocalDate date = month.withDayOfMonth(day);
                if (date.isAfter(after) && !date.isAfter(today)) {
                    names.add(updateName(date));
                }
            }
        }
        return names;
    }

    static String updateName(LocalDate date) {
        return String.format(Locale.ROOT, "up%02d%s.zip", date.getDayOfMonth(), monthCode(date.getMonth()));
    }

    /** The date an update's name stands for, the latest such date on or before today; null for other names. */
    static @Nullable LocalDate cutoff(String name, LocalDate today) {
        Matcher m = UPDATE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        Month month = null;
        for (Month candidate : Month.values()) {
            if (monthCode(candidate).equalsIgnoreCase(m.group(2))) {
                month = candidate;
            }
        }
        int day = Integer.parseInt(m.group(1));
        if (month == null || day < 1 || day > month.minLength()) {
            return null;
        }
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isAfter(today) ? date.minusYears(1) : date;
    }

    /** JAN ... DEC, as the NTSB spells them (and independent of the JVM's locale data). */
    private static String monthCode(Month month) {
        return month.name().substring(0, 3);
    }

    /** The base URL with the name appended, or with {@code {file}} replaced. */
    static URI url(String baseUrl, String name) {
        return URI.create(baseUrl.contains("{file}") ? baseUrl.replace("{file}", name) : baseUrl + name);
    }
}
