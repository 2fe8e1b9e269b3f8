package aero.severity.ingest.carol;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import aero.severity.domain.Severity;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.NtsbCodes;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.ingest.source.SourceFile;
import aero.severity.ingest.source.SourceTable;
import aero.severity.ingest.source.UnreadableFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CAROL / AviationData export (PROVENANCE.md of the real data lists the layout): one row per
 * aircraft, grouped here into {@code events}, {@code aircraft} and {@code engines} rows in avall
 * codes. The text values ("Part 91: General Aviation", "Reciprocating", "Personal") are mapped back
 * to NTSB codes through common's code enums; {@code ev_highest_injury} is derived from the injury
 * totals (fatal &gt; serious &gt; minor &gt; none); "Broad.Phase.of.Flight" becomes the representative
 * {@code phase_flt_spec} of its phase (LANDING 570, CRUISE 540, ...), which {@link FlightPhase}
 * maps back to the same phase. The export carries no change date, so its rows have no
 * {@code lchg_date}: they add the events the database lacks and never replace an event loaded from
 * avall, which holds far more (crew, injuries by category, findings).
 */
public final class CarolFile implements SourceFile {

    static final List<String> REQUIRED =
            List.of("Event.Id", "Event.Date", "Total.Fatal.Injuries", "Broad.Phase.of.Flight");

    private final Path path;
    private final Map<String, List<Map<String, Object>>> tables;

    private CarolFile(Path path, Map<String, List<Map<String, Object>>> tables) {
        this.path = path;
        this.tables = tables;
    }

    public static CarolFile open(Path path) {
        try (InputStream raw = Files.newInputStream(path);
                InputStream in =
                        path.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<String> header = csv.getHeaderNames();
            List<String> missing =
                    REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new UnreadableFileException(path.getFileName() + " is not a CAROL / AviationData export: columns "
                        + missing + " are missing (header: " + header + ")");
            }
            Map<String, List<CSVRecord>> byEvent = new LinkedHashMap<>();
            for (CSVRecord record : csv) {
                byEvent.computeIfAbsent(record.get("Event.Id").strip(), id -> new ArrayList<>())
                        .add(record);
            }
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            List<Map<String, Object>> events = new ArrayList<>();
            List<Map<String, Object>> aircraft = new ArrayList<>();
            List<Map<String, Object>> engines = new ArrayList<>();
            byEvent.forEach((id, records) -> {
                events.add(event(id, records));
                int key = 0;
                for (CSVRecord record : records) {
                    key++;
                    aircraft.add(aircraft(id, key, record));
                    engines.addAll(engines(id, key, record));
                }
            });
            tables.put("events", events);
            tables.put("aircraft", aircraft);
            tables.put("engines", engines);
            return new CarolFile(path, tables);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableFileException(
                    path.getFileName() + " is not a readable CSV export: " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "CAROL_CSV";
    }

    @Override
    public List<SourceTable> tables() {
        List<SourceTable> list = new ArrayList<>();
        tables.forEach((name, rows) -> list.add(new ListTable(name, rows)));
        return list;
    }

    @Override
    public void close() {
        // everything was read at open
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private record ListTable(String name, List<Map<String, Object>> list) implements SourceTable {
        @Override
        public List<String> columns() {
            return list.stream()
                    .flatMap(row -> row.keySet().stream())
                    .distinct()
                    .toList();
        }

        @Override
        public long estimatedRows() {
            return list.size();
        }

        @Override
        public Iterator<Map<String, Object>> rows() {
            return list.iterator();
        }
    }

    // ------------------------------------------------------------------------------------------

    private static Map<String, Object> event(String id, List<CSVRecord> records) {
        CSVRecord first = records.get(0);
        Map<String, Object> ev = new HashMap<>();
        ev.put("ev_id", id);
        put(ev, "ntsb_no", get(first, "Accident.Number"));
        String type = get(first, "Investigation.Type");
        ev.put(
                "ev_type",
                type == null
                        ? null
                        : type.equalsIgnoreCase("Accident") ? "ACC" : type.equalsIgnoreCase("Incident") ? "INC" : null);
        String date = get(first, "Event.Date");
        ev.put("ev_date", date);
        if (date != null && date.length() >= 7 && date.charAt(4) == '-') {
            ev.put("ev_year", date.substring(0, 4));
            ev.put("ev_month", date.substring(5, 7));
        }
        String location = get(first, "Location");
        if (location != null) {
            int comma = location.lastIndexOf(',');
            String state =
                    comma < 0 ? null : location.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
            ev.put(
                    "ev_city",
                    comma < 0 ? location : location.substring(0, comma).strip());
            if (state != null && NtsbCodes.parseLenient(State.class, state).isPresent()) {
                ev.put("ev_state", state);
            }
        }
        String country = get(first, "Country");
        if (country != null && country.equalsIgnoreCase("United States")) {
            ev.put("ev_country", "USA");
        }
        put(ev, "dec_latitude", get(first, "Latitude"));
        put(ev, "dec_longitude", get(first, "Longitude"));
        String airport = get(first, "Airport.Code");
        if (airport != null && airport.length() <= 4) {
            ev.put("ev_nr_apt_id", airport);
        }
        put(ev, "apt_name", get(first, "Airport.Name"));
        put(ev, "wx_cond_basic", code(WeatherCondition.class, get(first, "Weather.Condition")));
        Integer fatal = maxTotal(records, "Total.Fatal.Injuries");
        Integer serious = maxTotal(records, "Total.Serious.Injuries");
        Integer minor = maxTotal(records, "Total.Minor.Injuries");
        Integer none = maxTotal(records, "Total.Uninjured");
        ev.put("inj_tot_f", fatal);
        ev.put("inj_tot_s", serious);
        ev.put("inj_tot_m", minor);
        ev.put("inj_tot_n", none);
        if (fatal != null || serious != null || minor != null) {
            ev.put(
                    "inj_tot_t",
                    (fatal == null ? 0 : fatal) + (serious == null ? 0 : serious) + (minor == null ? 0 : minor));
        }
        ev.put(
                "ev_highest_injury",
                Severity.fromInjuryTotals(fatal, serious, minor, none)
                        .map(Severity::code)
                        .orElse(null));
        return ev;
    }

    private static Map<String, Object> aircraft(String id, int key, CSVRecord record) {
        Map<String, Object> ac = new HashMap<>();
        ac.put("ev_id", id);
        ac.put("aircraft_key", key);
        put(ac, "ntsb_no", get(record, "Accident.Number"));
        String registration = get(record, "Registration.Number");
        if (registration != null && registration.length() <= 11) {
            ac.put("regis_no", registration);
        }
        put(ac, "far_part", byMeaning(FarPart.class, get(record, "FAR.Description")));
        put(ac, "damage", damage(get(record, "Aircraft.Damage")));
        put(ac, "acft_category", byMeaning(AircraftCategory.class, alias(get(record, "Aircraft.Category"))));
        put(ac, "acft_make", get(record, "Make"));
        put(ac, "acft_model", get(record, "Model"));
        String amateur = get(record, "Amateur.Built");
        ac.put(
                "homebuilt",
                amateur == null
                        ? null
                        : amateur.equalsIgnoreCase("Yes") ? "Y" : amateur.equalsIgnoreCase("No") ? "N" : null);
        put(ac, "num_eng", get(record, "Number.of.Engines"));
        put(ac, "oper_sched", code(Schedule.class, get(record, "Schedule")));
        put(ac, "type_fly", byMeaning(FlightPurpose.class, get(record, "Purpose.of.Flight")));
        put(ac, "oper_name", get(record, "Air.Carrier"));
        put(ac, "phase_flt_spec", phase(get(record, "Broad.Phase.of.Flight")));
        return ac;
    }

    private static List<Map<String, Object>> engines(String id, int key, CSVRecord record) {
        String type = byMeaning(EngineType.class, get(record, "Engine.Type"));
        String count = get(record, "Number.of.Engines");
        int n;
        try {
            n = count == null ? (type == null ? 0 : 1) : (int) Double.parseDouble(count);
        } catch (NumberFormatException e) {
            n = type == null ? 0 : 1;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int no = 1; no <= Math.min(n, 8); no++) {
            Map<String, Object> engine = new HashMap<>();
            engine.put("ev_id", id);
            engine.put("aircraft_key", key);
            engine.put("eng_no", no);
            engine.put("eng_type", type);
            rows.add(engine);
        }
        return rows;
    }

    /** The representative specific phase code of a broad phase: the phase's own block code. */
    static @Nullable Integer phase(@Nullable String broad) {
        if (broad == null) {
            return null;
        }
        Optional<FlightPhase> phase = NtsbCodes.parseLenient(FlightPhase.class, broad);
        return phase.map(FlightPhase::blockCode).orElse(null);
    }

    private static @Nullable String damage(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "destroyed" -> "DEST";
            case "substantial" -> "SUBS";
            case "minor" -> "MINR";
            case "none" -> "NONE";
            default -> null;
        };
    }

    private static @Nullable String alias(@Nullable String category) {
        return category != null && category.equalsIgnoreCase("Gyrocraft") ? "Gyroplane" : category;
    }

    private static <E extends Enum<E> & NtsbCode> @Nullable String byMeaning(Class<E> type, @Nullable String meaning) {
        if (meaning == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.meaning().equalsIgnoreCase(meaning.strip())
                    || value.code().equalsIgnoreCase(meaning.strip())) {
                return value.code();
            }
        }
        return null;
    }

    private static <E extends Enum<E> & NtsbCode> @Nullable String code(Class<E> type, @Nullable String raw) {
        return NtsbCodes.parseLenient(type, raw).map(NtsbCode::code).orElse(null);
    }

    private static @Nullable Integer maxTotal(List<CSVRecord> records, String column) {
        Integer max = null;
        for (CSVRecord record : records) {
            String value = get(record, column);
            if (value != null) {
                try {
                    int n = (int) Double.parseDouble(value);
                    max = max == null ? n : Math.max(max, n);
                } catch (NumberFormatException e) {
                    // not a count: unknown
                }
            }
        }
        return max;
    }

    private static final Set<String> EMPTY = Set.of("", "NA");

    private static @Nullable String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column).strip();
        return EMPTY.contains(value) ? null : value;
    }

    private static void put(Map<String, Object> row, String column, @Nullable Object value) {
        if (value != null) {
            row.put(column, value);
        }
    }
}
