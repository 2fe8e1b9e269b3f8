package aero.severity.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration has an owner, and both dialects hold the same migrations. */
class MigrationOwnersTest {

    private static final Set<String> MODULES = Set.of("ingest", "ml", "api");

    @Test
    void bothDialectsHoldTheSameMigrations() {
        assertThat(migrations("h2")).isNotEmpty().isEqualTo(migrations("postgresql"));
    }

    @Test
    void everyMigrationNamesItsOwningModules() throws IOException {
        Properties owners = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/db/migration/OWNERS.properties")) {
            assertThat(in).as("db/migration/OWNERS.properties").isNotNull();
            owners.load(in);
        }
        assertThat(owners.stringPropertyNames())
                .as("owners listed for exactly the migrations there are")
                .isEqualTo(migrations("postgresql"));
        owners.forEach((migration, modules) -> assertThat(Stream.of(((String) modules).split(","))
                        .map(String::strip)
                        .collect(Collectors.toSet()))
                .as("owners of %s", migration)
                .isNotEmpty()
                .isSubsetOf(MODULES));
    }

    @Test
    void theApisMigrationsAreNumberedFrom100AndTheRestBelow() throws IOException {
        Properties owners = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/db/migration/OWNERS.properties")) {
            owners.load(in);
        }
        owners.forEach((migration, modules) -> {
            int version = Integer.parseInt(((String) migration).substring(1, ((String) migration).indexOf("__")));
            assertThat(version >= 100)
                    .as("%s (owned by %s)", migration, modules)
                    .isEqualTo(modules.equals("api"));
        });
    }

    private static Set<String> migrations(String dialect) {
        URL folder = MigrationOwnersTest.class.getResource("/db/migration/" + dialect);
        assertThat(folder).as("db/migration/" + dialect).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - ".sql".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
