package aero.severity.ingest.sample;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.ingest.avall.AvallColumn;
import aero.severity.ingest.avall.AvallTable;
import aero.severity.ingest.avall.AvallTables;
import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.DateTimeType;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;

/**
 * Writes an NTSB-schema Access database ({@code .mdb}: Access 2000, as avall.mdb; {@code .accdb}:
 * Access 2007) with generated events. Same options, same bytes of data: every event is drawn from its
 * own random stream, seeded by the seed and its index.
 */
public final class SampleAccessFile {

    private static final int CHUNK = 2_000;

    private SampleAccessFile() {}

    public static SampleSummary write(Path file, SampleOptions options) {
        try {
            Files.deleteIfExists(file);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            SampleSummary summary = writeDatabase(file, options);
            switch (options.breakage()) {
                case TRUNCATED -> truncate(file);
                case PASSWORD -> setDatabasePassword(file, "secret");
                default -> {}
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static SampleSummary writeDatabase(Path file, SampleOptions options) throws IOException {
        Database.FileFormat format = file.toString().toLowerCase(Locale.ROOT).endsWith(".accdb")
                ? Database.FileFormat.V2007
                : Database.FileFormat.V2000;
        Map<String, Integer> rowsPerTable = new TreeMap<>();
        Map<String, Integer> severities = new TreeMap<>();
        int bad = 0;
        try (Database db = new DatabaseBuilder(file)
                .setFileFormat(format)
                .setAutoSync(false)
                .create()) {
            db.setDateTimeType(DateTimeType.LOCAL_DATE_TIME);
            Map<String, Table> tables = new LinkedHashMap<>();
            for (AvallTable table : AvallTables.all()) {
                if (options.breakage() == Breakage.MISSING_TABLE && table.name().equals("events")) {
                    continue;
                }
                tables.put(table.name(), create(db, table, options.breakage()));
            }
            writeCodeTables(tables, rowsPerTable);

            EventFactory factory = new EventFactory(options.fromYear(), options.toYear(), options.shift());
            Set<String> ids = new HashSet<>();
            Map<String, List<Object[]>> buffer = new HashMap<>();
            for (int index = 0; index < options.events(); index++) {
                EventFactory.Event event = factory.event(options.seed(), index);
                for (int retry = 1; !ids.add(event.evId()); retry++) { // id forms repeat only past 100,000 events
                    event = factory.event(options.seed(), index + retry * 7_919_111);
                }
                if (options.breakage() == Breakage.BAD_VALUES && index % 50 == 7) {
                    bad += spoil(event, index);
                }
                severities.merge(event.severity(), 1, Integer::sum);
                for (var entry : event.rows().entrySet()) {
                    AvallTable table = AvallTables.get(entry.getKey());
                    for (Map<String, Object> row : entry.getValue()) {
                        buffer.computeIfAbsent(table.name(), t -> new ArrayList<>())
                                .add(toAccess(table, row));
                    }
                }
                if (index % CHUNK == CHUNK - 1) {
                    flush(tables, buffer, rowsPerTable);
                }
            }
            flush(tables, buffer, rowsPerTable);
        }
        return new SampleSummary(file, rowsPerTable, severities, bad);
    }

    /**
     * Makes one event in fifty carry values the loader must reject, one kind each, cycling: an
     * unparseable date is impossible in a typed Access column, so the bad values are the ones real
     * files have: a missing event date, an hour that is not HHMM, an impossible latitude, a child
     * row pointing at no event, a duplicated key.
     */
    private static int spoil(EventFactory.Event event, int index) {
        Map<String, Object> ev = event.rows().get("events").get(0);
        switch ((index / 50) % 5) {
            case 0 -> ev.put("ev_date", null);
            case 1 -> ev.put("ev_time", 2575);
            case 2 -> ev.put("dec_latitude", 123.5);
            case 3 -> {
                Map<String, Object> orphan =
                        new HashMap<>(event.rows().get("aircraft").get(0));
                orphan.put(
                        "ev_id",
                        "99999999X99999".substring(0, 9) + String.format(Locale.ROOT, "%05d", index % 100_000));
                event.rows().get("aircraft").add(orphan);
            }
            default ->
                event.rows().get("engines").stream()
                        .findFirst()
                        .ifPresent(engine -> event.rows().get("engines").add(new HashMap<>(engine)));
        }
        return 1;
    }

    private static Object[] toAccess(AvallTable table, Map<String, Object> row) {
        List<AvallColumn> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            AvallColumn column = columns.get(i);
            Object value = row.get(column.name());
            if (value instanceof String text && column.padded() && text.length() < column.length()) {
                value = text + " ".repeat(column.length() - text.length()); // char(n) as the NTSB stores it
            }
            values[i] = value;
        }
        return values;
    }

    private static void flush(
            Map<String, Table> tables, Map<String, List<Object[]>> buffer, Map<String, Integer> counts)
            throws IOException {
        for (var entry : buffer.entrySet()) {
            Table table = tables.get(entry.getKey());
            if (table != null && !entry.getValue().isEmpty()) {
                table.addRows(entry.getValue());
                counts.merge(entry.getKey(), entry.getValue().size(), Integer::sum);
            }
            entry.getValue().clear();
        }
    }

    private static Table create(Database db, AvallTable table, Breakage breakage) throws IOException {
        TableBuilder builder = new TableBuilder(table.accessName());
        for (AvallColumn column : table.columns()) {
            // another schema's spelling of the event date: the rows still fit, the loader must refuse the file
            boolean renamed = breakage == Breakage.WRONG_SCHEMA
                    && table.name().equals("events")
                    && column.accessName().equalsIgnoreCase("ev_date");
            ColumnBuilder c = new ColumnBuilder(renamed ? "event_date" : column.accessName());
            switch (column.type()) {
                case "char", "varchar" -> {
                    int length = column.length() <= 0 ? 50 : column.length();
                    c.setType(length > 255 ? DataType.MEMO : DataType.TEXT);
                    if (length <= 255) {
                        c.setLengthInUnits(length);
                    }
                }
                case "text" -> c.setType(DataType.MEMO);
                case "int" -> c.setType(DataType.LONG);
                case "smallint" -> c.setType(DataType.INT);
                case "tinyint" -> c.setType(DataType.BYTE);
                case "real" -> c.setType(DataType.FLOAT);
                case "float" -> c.setType(DataType.DOUBLE);
                case "datetime" -> c.setType(DataType.SHORT_DATE_TIME);
                case "bit" -> c.setType(DataType.BOOLEAN);
                default ->
                    throw new IllegalStateException(
                            "unknown avall type " + column.type() + " of " + column.accessName());
            }
            builder.addColumn(c);
        }
        return builder.toTable(db);
    }

    private static void writeCodeTables(Map<String, Table> tables, Map<String, Integer> counts) throws IOException {
        List<Object[]> iaids = new ArrayList<>();
        code(iaids, "ct_light_cond", LightCondition.values());
        code(iaids, "ct_wx_cond_b", WeatherCondition.values());
        code(iaids, "ct_eng_type", EngineType.values());
        code(iaids, "ct_acft_cat", AircraftCategory.values());
        code(iaids, "ct_fars", FarPart.values());
        code(iaids, "ct_type_fly", FlightPurpose.values());
        code(iaids, "ct_crew_cert_code", PilotCertificate.values());
        for (String[] injury : new String[][] {
            {"FATL", "Fatal"}, {"SERS", "Serious"}, {"MINR", "Minor"}, {"NONE", "None"}, {"UNK", "Unknown"}
        }) {
            iaids.add(new Object[] {
                pad("ct_inj_ix", 20), pad(injury[0], 4), injury[1], null, "N", null, null, null, false, true, null
            });
        }
        addAll(tables, "ct_iaids", iaids, counts);
        List<Object[]> seqevt = new ArrayList<>();
        for (String[] code : new String[][] {
            {"100", "ABRUPT MANEUVER"},
            {"110", "ALTITUDE DEVIATION,UNCONTROLLED"},
            {"140", "FORCED LANDING"},
            {"170", "HARD LANDING"},
            {"190", "NOSE OVER"},
            {"220", "IN FLIGHT COLLISION WITH TERRAIN/WATER"},
            {"250", "LOSS OF CONTROL - IN FLIGHT"},
            {"260", "LOSS OF CONTROL - ON GROUND/WATER"},
            {"350", "LOSS OF ENGINE POWER"}
        }) {
            seqevt.add(new Object[] {pad(code[0], 5), code[1]});
        }
        addAll(tables, "ct_seqevt", seqevt, counts);
        List<Object[]> states = new ArrayList<>();
        for (Geography.Place place : Geography.PLACES) {
            states.add(new Object[] {place.state(), pad(place.name(), 30), place.faaRegion()});
        }
        addAll(tables, "states", states, counts);
        List<Object[]> countries = new ArrayList<>();
        countries.add(new Object[] {"USA", "United States"});
        for (Geography.Country country : Geography.FOREIGN) {
            countries.add(new Object[] {country.code(), country.name()});
        }
        addAll(tables, "country", countries, counts);
    }

    private static void code(List<Object[]> rows, String table, NtsbCode[] codes) {
        for (NtsbCode code : codes) {
            rows.add(new Object[] {
                pad(table, 20), pad(code.code(), 4), code.meaning(), null, "N", null, null, null, false, true, null
            });
        }
    }

    private static void addAll(Map<String, Table> tables, String name, List<Object[]> rows, Map<String, Integer> counts)
            throws IOException {
        tables.get(name).addRows(rows);
        counts.merge(name, rows.size(), Integer::sum);
    }

    private static String pad(String text, int length) {
        return text.length() >= length ? text : text + " ".repeat(length - text.length());
    }

    /** Cuts the file at 60%: the catalog survives, table pages do not. */
    private static void truncate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(4096 * 3, channel.size() * 6 / 10));
        }
    }

    /**
     * Sets an Access database password the way Access stores it: the password field of the Jet 4
     * header is XOR-masked, so masking the stored bytes again with the password (UTF-16LE) turns
     * "no password" into that password. Jackcess reports it through {@code getDatabasePassword()}.
     */
    static void setDatabasePassword(Path file, String password) throws IOException {
        byte[] secret = password.getBytes(StandardCharsets.UTF_16LE);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < secret.length; i++) {
                raf.seek(0x42 + i);
                int stored = raf.read();
                raf.seek(0x42 + i);
                raf.write(stored ^ secret[i]);
            }
        }
    }
}
