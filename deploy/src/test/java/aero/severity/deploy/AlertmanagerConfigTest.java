package aero.severity.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * alertmanager/: the routing of every alert of prometheus/rules/, checked by the real amtool. The
 * api module's AlertsEndToEndIT sends real alerts through the same file to a test receiver.
 */
class AlertmanagerConfigTest {

    private static final String CONFIG = "alertmanager/alertmanager.yml";
    private static final Map<String, String> RECEIVER_BY_SEVERITY = Map.of("critical", "pager", "warning", "chat");

    @Test
    void configIsValidWithItsTemplatesAndThreeReceivers() {
        ToolRun run = Tool.AMTOOL.run("check-config", CONFIG);

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout()).contains("3 receivers").contains("2 templates").contains("3 inhibit rules");
    }

    @Test
    void everyAlertOfTheRulesReachesTheReceiverOfItsSeverity() {
        PrometheusTest.alerts().forEach((name, rule) -> {
            String severity = rule.at("labels.severity").text();
            String expected = RECEIVER_BY_SEVERITY.get(severity);

            ToolRun run = routesTest(expected, "alertname=" + name, "severity=" + severity, "job=severity-api");

            assertThat(run.succeeded())
                    .as(name + " (" + severity + ") goes to " + expected + ": " + run.describe())
                    .isTrue();
            assertThat(run.stdout().strip()).as(name).isEqualTo(expected);
        });
    }

    @Test
    void infoGoesNowhereAndAnAlertWithoutSeverityStillReachesChat() {
        assertThat(routesTest("null", "alertname=Anything", "severity=info").succeeded())
                .isTrue();
        assertThat(routesTest("chat", "alertname=Unlabelled").succeeded()).isTrue();
    }

    @Test
    void aRouteTestWithTheWrongReceiverFails() {
        ToolRun run = routesTest("pager", "alertname=SlowResponses", "severity=warning");

        assertThat(run.succeeded()).as(run.describe()).isFalse();
        assertThat(run.stdout()).contains("chat");
    }

    @Test
    void receiversReadTheirSecretsFromFilesAndSendResolvedNotifications() {
        YamlTree config = YamlTree.parse(Project.read(CONFIG));
        String text = Project.read(CONFIG);

        assertThat(text).doesNotContainPattern("(?m)^\\s*(routing_key|service_key|api_url|url):");
        for (YamlTree receiver : config.at("receivers").list()) {
            String name = receiver.at("name").text();
            if (name.equals("null")) {
                continue;
            }
            YamlTree settings = receiver.at(name.equals("pager") ? "pagerduty_configs.0" : "slack_configs.0");
            assertThat(settings.at("send_resolved").text()).as(name).isEqualTo("true");
            assertThat(settings.at(name.equals("pager") ? "routing_key_file" : "api_url_file")
                            .text())
                    .as(name)
                    .startsWith("/etc/alertmanager/secrets/severity-alerting/");
        }
    }

    @Test
    void inhibitionsNameOnlyAlertsThatExist() {
        Map<String, YamlTree> alerts = PrometheusTest.alerts();
        List<String> named = new ArrayList<>();
        Pattern alertNames = Pattern.compile("alertname=~?\"([^\"]+)\"");
        for (YamlTree rule :
                YamlTree.parse(Project.read(CONFIG)).at("inhibit_rules").list()) {
            for (String side : List.of("source_matchers", "target_matchers")) {
                for (YamlTree matcher : rule.at(side).list()) {
                    Matcher m = alertNames.matcher(matcher.text());
                    assertThat(m.find()).as(matcher.text()).isTrue();
                    named.addAll(List.of(m.group(1).split("\\|")));
                }
            }
        }

        assertThat(named)
                .contains("ApiDown", "HighErrorRate", "SlowResponses")
                .allSatisfy(alert ->
                        assertThat(alerts).as("an alert of prometheus/rules/").containsKey(alert));
    }

    private static ToolRun routesTest(String expectedReceiver, String... labels) {
        List<String> args = new ArrayList<>(List.of(
                "config", "routes", "test", "--config.file=" + CONFIG, "--verify.receivers=" + expectedReceiver));
        args.addAll(List.of(labels));
        return Tool.AMTOOL.run(Project.root(), Map.of(), args);
    }
}
