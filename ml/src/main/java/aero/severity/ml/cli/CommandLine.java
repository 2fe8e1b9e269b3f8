package aero.severity.ml.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** {@code command --option value --flag}, options also as {@code --option=value}. */
record CommandLine(@Nullable String command, Map<String, String> options) {

    static final String FLAG = "true";

    static CommandLine parse(String[] args, Set<String> flags) {
        String command = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flags.contains(name)) {
                    options.put(name, FLAG);
                } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                    options.put(name, rest.get(++i));
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else if (command == null) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        return new CommandLine(command, options);
    }

    @Nullable
    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return FLAG.equals(options.get(name));
    }

    @Nullable
    Integer year(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("(19|20|21)[0-9]{2}")) {
            throw new UsageException("--" + name + " must be a year like 2013, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /** A calendar date ({@code --since 2021-01-01}), or null when the option is absent. */
    java.time.@Nullable LocalDate date(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2021-01-01, not '" + value + "'");
        }
    }

    /** A comma-separated list of years ({@code --cutoffs 2000,2002}), or null when the option is absent. */
    @Nullable
    List<Integer> years(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        List<Integer> years = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (!part.strip().matches("(19|20|21)[0-9]{2}")) {
                throw new UsageException(
                        "--" + name + " must be years separated by commas like 2000,2002, not '" + value + "'");
            }
            years.add(Integer.parseInt(part.strip()));
        }
        return years;
    }

    void allowOnly(Set<String> names) {
        for (String name : options.keySet()) {
            if (!names.contains(name) && !name.startsWith("spring.") && !name.startsWith("severity.")) {
                throw new UsageException("unknown option --" + name + " for " + command + " (allowed: --"
                        + String.join(", --", names) + ")");
            }
        }
    }

    /** A mistake in the command line: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
