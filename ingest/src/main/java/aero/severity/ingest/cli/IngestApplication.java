package aero.severity.ingest.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import aero.severity.ingest.fetch.FetchProperties;
import aero.severity.ingest.sample.Breakage;
import aero.severity.ingest.sample.SampleAccessFile;
import aero.severity.ingest.sample.SampleOptions;
import aero.severity.ingest.sample.SampleSummary;
import aero.severity.ingest.sample.Shift;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * {@code java -jar ingest.jar import FILE... | fetch [--files A.zip,...] [--months N] [--base-url URL] [--dry-run]
 * | status | generate --events N --out FILE.mdb [--seed S] [--years FROM[-TO]] [--shift night-imc]
 * [--broken truncated|missing-table|bad-values|password|wrong-schema]}. Without a command it imports
 * {@code severity.ingest.files}. The database is {@code SEVERITY_DB_URL} (PostgreSQL) or, unset, the
 * embedded H2GIS file {@code ./.data/severity} the api also defaults to; Flyway migrates it first.
 * Settings live in {@code ingest.yml}, not {@code application.yml}: the api's tests run this
 * application in their own JVM (IngestedSampleIT), where the api's {@code application.yml} comes
 * first on the classpath and would configure it as the api (a readiness group without its model).
 */
@SpringBootApplication
@EnableConfigurationProperties({IngestProperties.class, FetchProperties.class})
public class IngestApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(generate(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("csv-to-access")) {
            System.exit(csvToAccess(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(run(args));
    }

    /**
     * Runs {@code import}/{@code fetch}/{@code status} (or the configured files) and returns the exit code:
     * 0 ok, 1 failed, 2 usage; {@code fetch} adds 3 (HTTP error), 4 (timeout or network), 5 (archive refused).
     */
    public static int run(String... args) {
        SpringApplication app = new SpringApplication(IngestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        java.util.Map<String, Object> defaults =
                new java.util.HashMap<>(java.util.Map.of("spring.config.name", "ingest"));
        java.util.List<String> words = java.util.List.of(args);
        if (words.contains("fetch") && words.contains("--dry-run")) {
            defaults.put("spring.flyway.enabled", "false"); // a dry run changes nothing, not even the schema
        }
        app.setDefaultProperties(defaults);
        return SpringApplication.exit(app.run(args));
    }

    /** {@code csv-to-access --out FILE.mdb CSV...}: relational avall CSV exports into one Access file (no database needed). */
    static int csvToAccess(String[] args) {
        if (args.length < 3 || !args[0].equals("--out")) {
            System.err.println("usage: csv-to-access --out FILE.mdb TABLE.csv[.gz]...");
            return 2;
        }
        Path out = Path.of(args[1]);
        java.util.List<Path> csvs =
                Arrays.stream(args, 2, args.length).map(Path::of).toList();
        var rows = aero.severity.ingest.access.CsvToAccess.convert(csvs, out);
        System.out.println("wrote " + out + ": " + rows);
        return 0;
    }

    /** Writing a sample file needs no database, so it runs before (and without) the Spring context. */
    static int generate(String[] args) {
        Integer events = null;
        Path out = null;
        long seed = 42;
        Breakage breakage = Breakage.NONE;
        int fromYear = SampleOptions.FIRST_YEAR;
        int toYear = SampleOptions.LAST_YEAR;
        Shift shift = Shift.NONE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--events" ->
                        events = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                    case "--out" -> out = Path.of(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--broken" -> breakage = Breakage.parse(args[++i]);
                    case "--years" -> {
                        String[] range = args[++i].split("-", 2);
                        fromYear = Integer.parseInt(range[0].trim());
                        toYear = range.length == 2 ? Integer.parseInt(range[1].trim()) : fromYear;
                    }
                    case "--shift" -> shift = Shift.parse(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (events == null || out == null) {
                throw new IllegalArgumentException("--events and --out are required");
            }
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".mdb") && !name.endsWith(".accdb")) {
                throw new IllegalArgumentException("--out must end in .mdb or .accdb");
            }
            long start = System.nanoTime();
            SampleSummary summary =
                    SampleAccessFile.write(out, new SampleOptions(events, seed, breakage, fromYear, toYear, shift));
            System.out.printf(
                    Locale.ROOT,
                    "wrote %s: %,d events, %,d rows in %.1f s%n",
                    out,
                    events,
                    summary.totalRows(),
                    (System.nanoTime() - start) / 1e9);
            summary.rowsPerTable()
                    .forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-16s %,10d%n", table, rows));
            System.out.println("  severities: " + summary.severities());
            return 0;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println(
                    "usage: generate --events N --out FILE.mdb [--seed S] [--years FROM[-TO]] [--shift night-imc]"
                            + " [--broken truncated|missing-table|bad-values|password|wrong-schema]");
            return 2;
        }
    }
}
