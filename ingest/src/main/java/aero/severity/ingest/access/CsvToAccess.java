package aero.severity.ingest.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns relational avall CSV exports ({@code events.csv}, {@code NTSB_Admin.csv.gz}, ...) into an
 * Access database, one table per file named after it, every column TEXT (MEMO when a value exceeds
 * 255 characters) and every value exactly as the CSV holds it (padding, "UNK", text dates). That is
 * what the real extracts give us in place of the avall.mdb no one could obtain; the loader then
 * meets the NTSB's values through its text paths (numeric text, ISO and mdb-export dates).
 */
public final class CsvToAccess {

    private CsvToAccess() {}

    /** Writes {@code out} with one table per CSV; returns rows per table. */
    public static Map<String, Integer> convert(List<Path> csvFiles, Path out) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try {
            Files.deleteIfExists(out);
            try (Database db = new DatabaseBuilder(out)
                    .setFileFormat(Database.FileFormat.V2000)
                    .create()) {
                for (Path csv : csvFiles) {
                    String name = csv.getFileName().toString().replaceAll("(?i)\\.csv(\\.gz)?$", "");
                    rows.put(name, copy(csv, name, db));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot convert " + csvFiles + " to " + out + ": " + e.getMessage(), e);
        }
    }

    private static int copy(Path csv, String name, Database db) throws IOException {
        List<String> header;
        List<List<String>> records = new ArrayList<>();
        int[] longest;
        try (InputStream raw = Files.newInputStream(csv);
                InputStream in =
                        csv.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            header = parser.getHeaderNames();
            longest = new int[header.size()];
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) {
                    String value = i < record.size() ? record.get(i) : "";
                    longest[i] = Math.max(longest[i], value.length());
                    values.add(
                            value.isEmpty()
                                    ? null
                                    : value); // an empty CSV field is a missing value, as mdb-export writes it
                }
                records.add(values);
            }
        }
        TableBuilder builder = new TableBuilder(name);
        for (int i = 0; i < header.size(); i++) {
            ColumnBuilder column = new ColumnBuilder(header.get(i));
            if (longest[i] > 255) {
                column.setType(DataType.MEMO);
            } else {
                column.setType(DataType.TEXT).setLengthInUnits(Math.max(1, longest[i]));
            }
            builder.addColumn(column);
        }
        Table table = builder.toTable(db);
        List<Object[]> batch = new ArrayList<>();
        for (List<String> record : records) {
            batch.add(record.toArray());
            if (batch.size() == 5_000) {
                table.addRows(batch);
                batch.clear();
            }
        }
        table.addRows(batch);
        return records.size();
    }
}
