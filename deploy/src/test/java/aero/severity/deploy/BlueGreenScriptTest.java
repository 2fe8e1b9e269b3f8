package aero.severity.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/blue-green.sh's decisions: when it switches, when it refuses to, and that it switches
 * back by itself. There is no cluster here, so helm, kubectl and the health check are stand-ins
 * that keep the cluster's state (live color, tag per color) in files; the chart those helm calls
 * would apply is checked by {@link HelmChartTest}, the health check by {@link HealthCheckIT}.
 */
class BlueGreenScriptTest {

    @TempDir
    Path state;

    @BeforeEach
    void standIns() throws IOException {
        write("helm", """
                #!/usr/bin/env bash
                # Records the values a helm upgrade would apply.
                echo "helm $*" >> "$STATE/calls"
                while [ "$#" -gt 0 ]; do
                  case "$1" in
                    --set) case "$2" in
                        rollout.activeColor=*) printf '%s' "${2#*=}" > "$STATE/active" ;;
                        rollout.colors.blue.tag=*) printf '%s' "${2#*=}" > "$STATE/blue" ;;
                        rollout.colors.green.tag=*) printf '%s' "${2#*=}" > "$STATE/green" ;;
                      esac; shift 2 ;;
                    *) shift ;;
                  esac
                done
                [ "$(cat "$STATE/fail-helm" 2>/dev/null)" != "yes" ]
                """);
        write("kubectl", """
                #!/usr/bin/env bash
                echo "kubectl $*" >> "$STATE/calls"
                case "$*" in
                  *"get service severity-api "*) cat "$STATE/active" 2>/dev/null ;;
                  *"get deployment severity-api-blue "*) [ -s "$STATE/blue" ] && echo "repo/severity:$(cat "$STATE/blue")" ;;
                  *"get deployment severity-api-green "*) [ -s "$STATE/green" ] && echo "repo/severity:$(cat "$STATE/green")" ;;
                  "apply -f -") cat >/dev/null; [ "$(cat "$STATE/fail-kubectl-apply" 2>/dev/null)" != "yes" ] || exit 1 ;;
                  *"port-forward service/"*) for a in "$@"; do case "$a" in service/*) echo "${a#service/}" > "$STATE/forwarded" ;; esac; done ;;
                esac
                exit 0
                """);
        write("health-check", """
                #!/usr/bin/env bash
                # Healthy unless the color behind the forwarded Service runs a tag listed in BROKEN
                # (or in BROKEN_WHEN_LIVE while it is the live Service).
                service="$(cat "$STATE/forwarded")"; active="$(cat "$STATE/active")"
                if [ "$service" = severity-api-preview ]; then
                  color=$([ "$active" = blue ] && echo green || echo blue)
                else
                  color="$active"
                fi
                tag="$(cat "$STATE/$color")"
                echo "health $service $color $tag" >> "$STATE/calls"
                [[ " $BROKEN " != *" $tag "* ]] || exit 13
                if [ "$service" = severity-api ] && [[ " $BROKEN_WHEN_LIVE " == *" $tag "* ]]; then exit 13; fi
                exit 0
                """);
        Files.writeString(state.resolve("active"), "blue");
        Files.writeString(state.resolve("blue"), "v1.0.0");
        Files.writeString(state.resolve("green"), "v0.9.0");
    }

    @Test
    void aHealthyReleaseGoesToTheIdleColorAndBecomesLive() throws IOException {
        ToolRun run = release("v1.1.0", "", "");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(read("active")).isEqualTo("green");
        assertThat(read("green")).isEqualTo("v1.1.0");
        assertThat(read("blue"))
                .as("the old version stays deployed for a switch back")
                .isEqualTo("v1.0.0");
        assertThat(read("calls"))
                .contains("health severity-api-preview green v1.1.0", "health severity-api green v1.1.0");
    }

    @Test
    void aReleaseThatFailsItsPreviewSmokeTestIsNeverSwitchedTo() throws IOException {
        ToolRun run = release("v1.1.0", "v1.1.0", "");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(read("active")).isEqualTo("blue");
        assertThat(read("calls")).doesNotContain("health severity-api green");
        assertThat(run.stderr()).contains("nothing switched");
    }

    @Test
    void aReleaseThatFailsAfterTheSwitchIsSwitchedBackAutomatically() throws IOException {
        ToolRun run = release("v1.1.0", "", "v1.1.0");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(5);
        assertThat(read("active")).isEqualTo("blue");
        assertThat(read("calls"))
                .containsSubsequence(
                        "health severity-api green v1.1.0",
                        "rollout.activeColor=blue",
                        "health severity-api blue v1.0.0");
    }

    @Test
    void aFailedSwitchBackSaysToPageSomeone() throws IOException {
        ToolRun run = release("v1.1.0", "", "v1.1.0 v1.0.0");
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.stderr()).contains("SWITCHING BACK FAILED");
    }

    @Test
    void theNextReleaseGoesBackToBlue() throws IOException {
        assertThat(release("v1.1.0", "", "").exitCode()).isZero();
        assertThat(release("v1.2.0", "", "").exitCode()).isZero();
        assertThat(read("active")).isEqualTo("blue");
        assertThat(read("blue")).isEqualTo("v1.2.0");
        assertThat(read("green")).isEqualTo("v1.1.0");
    }

    @Test
    void theFirstReleaseRunsTheNewVersionInBothColors() throws IOException {
        Files.delete(state.resolve("active"));
        Files.delete(state.resolve("blue"));
        Files.delete(state.resolve("green"));
        ToolRun run = release("v1.0.0", "", "");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(read("blue")).isEqualTo("v1.0.0");
        assertThat(read("green")).isEqualTo("v1.0.0");
        assertThat(read("active")).isEqualTo("green");
    }

    @Test
    void theNamespaceIsCreatedAndLabelledForPodSecurityBeforeHelmRuns() throws IOException {
        ToolRun run = release("v1.1.0", "", "");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> calls = Files.readAllLines(state.resolve("calls"));
        int created = indexOf(calls, "kubectl create namespace severity-production --dry-run=client -o yaml");
        int labelled = indexOf(
                calls,
                "kubectl label namespace severity-production --overwrite"
                        + " pod-security.kubernetes.io/enforce=restricted");
        int firstHelm = indexOf(calls, "helm upgrade --install");
        assertThat(created).as(String.join("\n", calls)).isNotNegative().isLessThan(firstHelm);
        assertThat(calls.get(created + 1)).startsWith("kubectl apply -f -");
        assertThat(labelled).isNotNegative().isLessThan(firstHelm);
        assertThat(String.join("\n", calls)).doesNotContain("--create-namespace");
    }

    @Test
    void aNamespaceThatCannotBeCreatedStopsTheRelease() throws IOException {
        Files.writeString(state.resolve("fail-kubectl-apply"), "yes");
        ToolRun run = release("v1.1.0", "", "");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(read("calls")).doesNotContain("helm upgrade");
    }

    @Test
    void everyHelmCallPinsTheRepositoryCdPushedTheTagTo() throws IOException {
        ToolRun run = run("--tag", "v1.1.0", "--repository", "ghcr.io/acme/severity");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> helmCalls = helmCalls();
        assertThat(helmCalls)
                .hasSize(2)
                .allSatisfy(call -> assertThat(call).contains("--set image.repository=ghcr.io/acme/severity"));
    }

    @Test
    void aManualSwitchKeepsTheRepositoryTheLiveColorRuns() throws IOException {
        ToolRun run = run("--switch-to", "green");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(helmCalls())
                .singleElement()
                .asString()
                .contains(
                        "--set image.repository=repo/severity",
                        "rollout.activeColor=green",
                        "rollout.colors.blue.tag=v1.0.0",
                        "rollout.colors.green.tag=v0.9.0");
    }

    @Test
    void aDeployThatHelmRejectsLeavesTrafficWhereItWas() throws IOException {
        Files.writeString(state.resolve("fail-helm"), "yes");
        ToolRun run = release("v1.1.0", "", "");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(read("calls")).doesNotContain("health");
    }

    private ToolRun release(String tag, String broken, String brokenWhenLive) throws IOException {
        return runWith(broken, brokenWhenLive, "--tag", tag);
    }

    private ToolRun run(String... args) throws IOException {
        return runWith("", "", args);
    }

    private ToolRun runWith(String broken, String brokenWhenLive, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("scripts/blue-green.sh"));
        command.addAll(List.of(args));
        return Tool.BASH.run(
                Project.root(),
                Map.of(
                        "STATE",
                        state.toString(),
                        "HELM",
                        state.resolve("helm").toString(),
                        "KUBECTL",
                        state.resolve("kubectl").toString(),
                        "HEALTH_CHECK",
                        state.resolve("health-check").toString(),
                        "BROKEN",
                        broken,
                        "BROKEN_WHEN_LIVE",
                        brokenWhenLive,
                        "SEVERITY_FORWARD_API_PORT",
                        String.valueOf(freePort()),
                        "SEVERITY_FORWARD_MANAGEMENT_PORT",
                        String.valueOf(freePort())),
                command);
    }

    private List<String> helmCalls() throws IOException {
        return Files.readAllLines(state.resolve("calls")).stream()
                .filter(c -> c.startsWith("helm upgrade"))
                .toList();
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private void write(String name, String script) throws IOException {
        Path file = state.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private String read(String name) throws IOException {
        return Files.readString(state.resolve(name)).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
