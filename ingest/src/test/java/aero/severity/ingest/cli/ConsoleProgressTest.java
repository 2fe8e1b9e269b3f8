package aero.severity.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    @Test
    void onATerminalABarPerTableIsRedrawnInPlaceWithRowsAndRejects() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.tableStarted("events", 1_000);
        progress.rowsRead("events", 500);
        progress.tableFinished("events", 1_000, 3);
        progress.phase("upsert");
        String screen = bytes.toString(StandardCharsets.UTF_8);

        String[] frames = screen.split("\r");
        assertThat(frames).hasSize(4); // "" before the first \r, then three redraws of one line
        assertThat(frames[1])
                .startsWith("events           [" + " ".repeat(30) + "]")
                .contains("0 rows");
        assertThat(frames[2])
                .contains("[" + "#".repeat(15) + " ".repeat(15) + "]")
                .contains("500 rows");
        assertThat(frames[3])
                .contains("[" + "#".repeat(30) + "]")
                .contains("1,000 rows")
                .contains("rows/s")
                .contains("3 rejected")
                .endsWith("-> upsert" + System.lineSeparator());
    }

    @Test
    void withoutATerminalNothingIsDrawnOnTheOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.tableStarted("events", 1_000);
        progress.rowsRead("events", 500);
        progress.tableFinished("events", 1_000, 0);
        progress.phase("upsert");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty(); // log lines go to the log instead
    }
}
