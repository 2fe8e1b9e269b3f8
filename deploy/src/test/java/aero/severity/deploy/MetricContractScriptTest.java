package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/check-metrics.sh, the comparison of a real scrape with prometheus/metrics/api.txt: here
 * on exposition-format text; against the running api once the api module serves predictions.
 */
class MetricContractScriptTest {

    @TempDir
    Path dir;

    @Test
    void aScrapeWithEveryContractMetricPasses() throws IOException {
        Path scrape = scrapeWith(MetricContract.api().stream().toList());
        ToolRun run = Tool.BASH.run(
                Project.root(), Map.of(), List.of("scripts/check-metrics.sh", "--file", scrape.toString()));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).contains("all " + MetricContract.api().size() + " contract metrics exported");
    }

    @Test
    void aScrapeWithoutTheConfidenceHistogramNamesWhatIsMissing() throws IOException {
        List<String> names = MetricContract.api().stream()
                .filter(n -> !n.startsWith("severity_prediction_confidence"))
                .toList();
        ToolRun run = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of("scripts/check-metrics.sh", "--file", scrapeWith(names).toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .contains("4 metric(s)", "severity_prediction_confidence_bucket", "severity_prediction_confidence_max");
    }

    @Test
    void anUnreachableApiIsAUsageErrorNotAPass() {
        ToolRun run = Tool.BASH.run(
                Project.root(),
                Map.of(),
                List.of("scripts/check-metrics.sh", "http://127.0.0.1:1/actuator/prometheus"));
        assertThat(run.exitCode()).isEqualTo(2);
    }

    private Path scrapeWith(List<String> names) throws IOException {
        String text = names.stream()
                .map(n -> "# HELP " + n + " x\n# TYPE " + n + " gauge\n" + n
                        + "{application=\"severity-api\",le=\"0.1\"} 1.0")
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = dir.resolve("scrape.txt");
        Files.writeString(file, text);
        return file;
    }
}
