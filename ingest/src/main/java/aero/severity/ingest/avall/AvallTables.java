package aero.severity.ingest.avall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The avall tables this platform loads, in parent-before-child order, with the columns of
 * {@code avall-tables.tsv} (taken from the NTSB data dictionary and real avall exports).
 */
public final class AvallTables {

    private AvallTables() {}

    /** Every table, parents before children, code tables last. */
    public static List<AvallTable> all() {
        return ALL;
    }

    public static AvallTable get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("not an avall table: " + name));
    }

    /** By database or Access name, any case. */
    public static Optional<AvallTable> find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(t -> t.name().equals(lower)).findFirst();
    }

    private record Shape(List<String> key, String parent, List<String> parentKey) {}

    private static final List<String> EV = List.of("ev_id");
    private static final List<String> ACFT = List.of("ev_id", "aircraft_key");
    private static final List<String> CREW = List.of("ev_id", "aircraft_key", "crew_no");

    /** Keys as avall defines them; parents as the rows reference them. Order = load order. */
    private static final Map<String, Shape> SHAPES = shapes();

    private static final List<AvallTable> ALL = read();

    private static Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("events", new Shape(EV, null, List.of()));
        shapes.put("aircraft", new Shape(ACFT, "events", EV));
        shapes.put("engines", new Shape(List.of("ev_id", "aircraft_key", "eng_no"), "aircraft", ACFT));
        shapes.put("flight_crew", new Shape(CREW, "aircraft", ACFT));
        shapes.put(
                "flight_time",
                new Shape(
                        List.of("ev_id", "aircraft_key", "crew_no", "flight_type", "flight_craft"),
                        "flight_crew",
                        CREW));
        shapes.put(
                "dt_flight_crew",
                new Shape(List.of("ev_id", "aircraft_key", "crew_no", "col_name", "code"), "flight_crew", CREW));
        shapes.put(
                "injury",
                new Shape(List.of("ev_id", "aircraft_key", "inj_person_category", "injury_level"), "aircraft", ACFT));
        shapes.put("findings", new Shape(List.of("ev_id", "aircraft_key", "finding_no"), "aircraft", ACFT));
        shapes.put("occurrences", new Shape(List.of("ev_id", "aircraft_key", "occurrence_no"), "aircraft", ACFT));
        shapes.put(
                "seq_of_events",
                new Shape(
                        List.of("ev_id", "aircraft_key", "occurrence_no", "seq_event_no", "group_code"),
                        "occurrences",
                        List.of("ev_id", "aircraft_key", "occurrence_no")));
        shapes.put("events_sequence", new Shape(List.of("ev_id", "aircraft_key", "occurrence_no"), "aircraft", ACFT));
        shapes.put("narratives", new Shape(ACFT, "aircraft", ACFT));
        shapes.put("ntsb_admin", new Shape(EV, "events", EV));
        shapes.put("ct_iaids", new Shape(List.of("ct_name", "code_iaids"), null, List.of()));
        shapes.put("ct_seqevt", new Shape(List.of("code"), null, List.of()));
        shapes.put("states", new Shape(List.of("state"), null, List.of()));
        shapes.put("country", new Shape(List.of("country_code"), null, List.of()));
        return shapes;
    }

    private static List<AvallTable> read() {
        Map<String, String> accessNames = new LinkedHashMap<>();
        Map<String, List<AvallColumn>> columns = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(
                        AvallTables.class.getResourceAsStream("/aero/severity/ingest/avall-tables.tsv"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String table = f[0].toLowerCase(Locale.ROOT);
                accessNames.putIfAbsent(table, f[0]);
                columns.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new AvallColumn(f[1], f[2], Integer.parseInt(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AvallTable> tables = new ArrayList<>();
        SHAPES.forEach((name, shape) -> tables.add(new AvallTable(
                accessNames.get(name),
                List.copyOf(columns.get(name)),
                shape.key(),
                shape.parent(),
                shape.parentKey())));
        return List.copyOf(tables);
    }
}
