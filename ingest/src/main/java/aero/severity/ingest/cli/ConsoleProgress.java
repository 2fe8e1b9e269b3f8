package aero.severity.ingest.cli;

import java.io.PrintStream;
import java.util.Locale;

import aero.severity.ingest.load.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows per table and rows per second: a redrawn bar on a terminal, plain log lines (every few
 * seconds and per table) when the output is a file or a CI log.
 */
final class ConsoleProgress implements Progress {

    private static final Logger log = LoggerFactory.getLogger(ConsoleProgress.class);
    private static final int WIDTH = 30;

    private final boolean bar;
    private final PrintStream out;
    private long tableStart;
    private long expected;
    private long lastLog;

    ConsoleProgress(boolean bar, PrintStream out) {
        this.bar = bar;
        this.out = out;
    }

    @Override
    public void tableStarted(String table, long expectedRows) {
        tableStart = System.nanoTime();
        lastLog = tableStart;
        expected = expectedRows;
        if (bar) {
            draw(table, 0, false);
        }
    }

    @Override
    public void rowsRead(String table, long rows) {
        if (bar) {
            draw(table, rows, false);
        } else if (System.nanoTime() - lastLog > 5_000_000_000L) {
            lastLog = System.nanoTime();
            log.info("{}: {} rows read ({} rows/s)", table, rows, rate(rows));
        }
    }

    @Override
    public void tableFinished(String table, long rows, long rejected) {
        if (bar) {
            draw(table, rows, true);
            out.println(rejected > 0 ? "  " + rejected + " rejected" : "");
        } else {
            log.info("{}: {} rows read, {} rejected, {} rows/s", table, rows, rejected, rate(rows));
        }
    }

    @Override
    public void phase(String name) {
        if (bar) {
            out.println("-> " + name);
        } else {
            log.info("{}", name);
        }
    }

    private void draw(String table, long rows, boolean done) {
        double share = expected > 0 ? Math.min(1.0, rows / (double) expected) : done ? 1.0 : 0.0;
        int filled = (int) Math.round(share * WIDTH);
        out.print(String.format(
                Locale.ROOT,
                "\r%-16s [%s%s] %,10d rows %,9d rows/s",
                table,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                rows,
                rate(rows)));
        out.flush();
    }

    private long rate(long rows) {
        double seconds = (System.nanoTime() - tableStart) / 1e9;
        return seconds <= 0 ? 0 : Math.round(rows / seconds);
    }
}
