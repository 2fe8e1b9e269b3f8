package aero.severity.api.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code java -jar api.jar clients <create|reset-secret|disable|list> [--client-id=..] [--role=ANALYST|ADMIN]
 * [--tier=FREE|PRO|ENTERPRISE] [--name=..]}: client administration without a running server (and the
 * only way to create the first admin). Uses the same profile and database settings as the server;
 * prints {@code client_id=..} and {@code client_secret=..} lines that scripts can read.
 *
 * <p>Its own small application (the database, Flyway, JPA and {@link Clients}; no web server, no
 * model, no Redis use), so it starts in a few seconds and needs no outside service but the database.
 */
@EnableAutoConfiguration
@Import(Clients.class)
public class ClientsCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = """
            usage: java -jar api.jar clients create --client-id=ID [--role=ANALYST|ADMIN] [--tier=FREE|PRO|ENTERPRISE] [--name=TEXT]
                   java -jar api.jar clients reset-secret --client-id=ID
                   java -jar api.jar clients disable --client-id=ID
                   java -jar api.jar clients list""";

    private final Clients clients;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    ClientsCommand(Clients clients) {
        this.clients = clients;
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplicationBuilder(ClientsCommand.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the server's readiness group names the model indicator, which this command does not have
                .properties("management.endpoint.health.validate-group-membership=false")
                .build();
        return SpringApplication.exit(application.run(args));
    }

    @Bean
    static PasswordEncoder clientSecretEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    static Clock clientsClock() {
        return Clock.systemUTC();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.get(0).equals("clients")) {
            return;
        }
        try {
            exitCode = execute(words.size() > 1 ? words.get(1) : "", args);
        } catch (IllegalArgumentException | ClientAlreadyExistsException | UnknownClientException e) {
            err.println("clients: " + e.getMessage());
            exitCode = 2;
        }
    }

    private int execute(String verb, ApplicationArguments args) {
        switch (verb) {
            case "create" ->
                print(clients.create(
                        required(args, "client-id"),
                        parse(ClientRole.class, "role", option(args, "role", "ANALYST")),
                        parse(Tier.class, "tier", option(args, "tier", "FREE")),
                        optional(args, "name")));
            case "reset-secret" -> print(clients.resetSecret(required(args, "client-id")));
            case "disable" -> {
                clients.disable(required(args, "client-id"));
                out.println("disabled " + required(args, "client-id"));
            }
            case "list" ->
                clients.list()
                        .forEach(c -> out.printf(
                                "%s role=%s tier=%s enabled=%s created=%s%n",
                                c.clientId(), c.role(), c.tier(), c.enabled(), c.createdAt()));
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
        return 0;
    }

    private void print(ClientCredentials credentials) {
        out.println("client_id=" + credentials.clientId());
        out.println("client_secret=" + credentials.clientSecret());
        out.println("role=" + credentials.role());
        out.println("tier=" + credentials.tier());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }

    private static String required(ApplicationArguments args, String name) {
        String value = optional(args, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        String value = optional(args, name);
        return value == null ? fallback : value;
    }

    private static @Nullable String optional(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
