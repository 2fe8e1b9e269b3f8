package aero.severity.deploy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/RUNBOOK.md's log filters, run by the real jq on lines written by the encoder the api uses
 * with SEVERITY_LOG_FORMAT=json (Spring Boot's ECS format, see the api's LogFormat), so a filter
 * that names a field the format does not have cannot pass.
 */
class RunbookTest {

    private static final Tool JQ = new Tool("jq");
    private static final Pattern JQ_COMMAND = Pattern.compile("\\| jq ((?:-c |--arg \\S+ \\S+ )*)'([^']+)'");

    @Test
    void theErrorFilterSelectsExactlyTheErrorLines() {
        String logs = ecsLine(Level.INFO, "served", "r-1")
                + ecsLine(Level.ERROR, "predict failed", "r-1")
                + ecsLine(Level.WARN, "slow", "r-2");
        List<String> selected = run(filterContaining("\"ERROR\""), logs);
        assertThat(selected).singleElement().asString().contains("predict failed");
    }

    @Test
    void theRequestFilterFollowsOneRequestThroughAllItsLines() {
        String logs = ecsLine(Level.INFO, "token issued", "r-7")
                + ecsLine(Level.INFO, "other", "r-8")
                + ecsLine(Level.ERROR, "predict failed", "r-7");
        List<String> selected = run(filterContaining("requestId").replace("REQUEST_ID", "r-7"), logs);
        assertThat(selected).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"requestId\":\"r-7\""));
    }

    /** The jq part of the runbook command whose filter mentions {@code field}: options and filter. */
    private static String filterContaining(String field) {
        Matcher matcher = JQ_COMMAND.matcher(Project.read("docs/RUNBOOK.md"));
        while (matcher.find()) {
            if (matcher.group(2).contains(field)) {
                return matcher.group(1) + "'" + matcher.group(2) + "'";
            }
        }
        throw new AssertionError("docs/RUNBOOK.md has no jq filter on " + field);
    }

    /** jq with the runbook's arguments, quoted as an operator's shell would take them. */
    private static List<String> run(String jqArguments, String input) {
        String jq = JQ.executable().toString();
        ToolRun run = Tool.BASH.run(
                Project.root(), Map.of(), List.of("-c", jq + " " + jqArguments + " <<'EOF'\n" + input + "EOF"));
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        return run.stdout().lines().toList();
    }

    private static String ecsLine(Level level, String message, String requestId) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                RunbookTest.class.getName(), context.getLogger("aero.severity.api"), level, message, null, null);
        event.setMDCPropertyMap(Map.of("requestId", requestId));
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
