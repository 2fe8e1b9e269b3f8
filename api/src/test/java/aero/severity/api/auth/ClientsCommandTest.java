package aero.severity.api.auth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline client administration, on the embedded file database it shares with the server. */
class ClientsCommandTest {

    @TempDir
    Path data;

    PrintStream originalOut;
    PrintStream originalErr;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void createPrintsTheCredentialsOnceAndStoresOnlyABcryptHash() throws Exception {
        int exit = run("clients", "create", "--client-id=demo", "--role=admin", "--tier=PRO", "--name=Demo client");

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("client_id=demo", "role=ADMIN", "tier=PRO");
        String secret = printed.lines()
                .filter(l -> l.startsWith("client_secret="))
                .findFirst()
                .orElseThrow()
                .substring("client_secret=".length());
        assertThat(secret).hasSize(43);
        byte[] database = Files.readAllBytes(data.resolve("severity.mv.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        out.reset();
        assertThat(run("clients", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo role=ADMIN tier=PRO enabled=true");
    }

    @Test
    void creatingAnExistingClientFailsWithExitCode2AndResetSecretIssuesANewOne() {
        run("clients", "create", "--client-id=twice");
        String first = out.toString(StandardCharsets.UTF_8);

        int again = run("clients", "create", "--client-id=twice");
        out.reset();
        int reset = run("clients", "reset-secret", "--client-id=twice");

        assertThat(again).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
        assertThat(reset).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("client_secret=")
                .isNotEqualTo(first);
    }

    @Test
    void badArgumentsPrintUsageAndExit2() {
        assertThat(run("clients", "frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
        assertThat(run("clients", "create", "--client-id=x1y", "--tier=GOLD")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tier must be one of [FREE, PRO, ENTERPRISE]");
        assertThat(run("clients", "create")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--client-id is required");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.profiles.active=embedded";
        all[args.length + 1] = "--severity.embedded.data-dir=" + data;
        return ClientsCommand.run(all);
    }
}
