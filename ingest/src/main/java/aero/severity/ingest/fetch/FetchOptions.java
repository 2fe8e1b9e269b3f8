package aero.severity.ingest.fetch;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code fetch [--files A.zip,B.zip] [--months N] [--base-url URL] [--dry-run]}, as {@code --opt value} or
 * {@code --opt=value}. Spring properties on the same line ({@code --spring.datasource.url=...},
 * {@code --severity.ingest.fetch.read-timeout=5s}) are Spring's and passed over.
 */
record FetchOptions(
        List<String> files,
        @Nullable Integer months,
        @Nullable String baseUrl,
        boolean dryRun) {

    static final String USAGE =
            "usage: fetch [--files avall.zip,up08NOV.zip,...] [--months N] [--base-url URL] [--dry-run]\n"
                    + "  exit: 0 done (or nothing new), 1 an import failed (the database is as it was), 2 bad command line,\n"
                    + "        3 HTTP error, 4 timeout or network failure (after the retries), 5 archive refused"
                    + " (not a zip, unsafe entry, zip bomb, too large)";

    FetchOptions {
        files = List.copyOf(files);
        if (months != null && (months < 0 || months > 12)) {
            throw new IllegalArgumentException("--months must be 0-12 (update names carry no year), was " + months);
        }
        if (baseUrl != null && !baseUrl.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("--base-url must be an http:// or https:// URL, was '" + baseUrl + "'");
        }
    }

    static FetchOptions parse(List<String> args) {
        List<String> files = new ArrayList<>();
        Integer months = null;
        String baseUrl = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (name.startsWith("--") && name.contains(".")) {
                continue; // a Spring property
            }
            switch (name) {
                case "--dry-run" -> {
                    if (inline != null) {
                        throw new IllegalArgumentException("--dry-run takes no value");
                    }
                    dryRun = true;
                }
                case "--files" -> {
                    for (String file : value(args, i, inline, name).split(",", -1)) {
                        if (!file.isBlank()) {
                            files.add(file.trim());
                        }
                    }
                }
                case "--months" -> {
                    try {
                        months = Integer.parseInt(value(args, i, inline, name).trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--months takes a whole number");
                    }
                }
                case "--base-url" -> baseUrl = value(args, i, inline, name).trim();
                default ->
                    throw new IllegalArgumentException(
                            "unknown " + (arg.startsWith("-") ? "option " : "argument ") + arg);
            }
            if (inline == null && !name.equals("--dry-run")) {
                i++;
            }
        }
        return new FetchOptions(files, months, baseUrl, dryRun);
    }

    private static String value(List<String> args, int i, @Nullable String inline, String name) {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i + 1);
    }
}
