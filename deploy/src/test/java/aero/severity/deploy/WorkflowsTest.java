package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** .github/workflows checked by actionlint (with shellcheck on their run: scripts) and as data. */
class WorkflowsTest {

    static final List<String> WORKFLOWS =
            List.of("ci.yml", "cd-staging.yml", "cd-production.yml", "ml-retrain.yml", "security.yml");

    @Test
    void actionlintFindsNothing() {
        Tool.SHELLCHECK.executable(); // actionlint silently skips run: scripts without shellcheck
        ToolRun run = Tool.ACTIONLINT.run("-color=false");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void actionlintCatchesAMistake(@TempDir Path dir) throws IOException {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("broken.yml"), """
                name: broken
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: echo "${{ needs.nothing.outputs.x }}"
                """);
        ToolRun run = Tool.ACTIONLINT.run(dir, Map.of(), List.of("-color=false", ".github/workflows/broken.yml"));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stdout()).as(run.describe()).contains("property \"nothing\" is not defined");
    }

    @Test
    void everyWorkflowMatchesTheGithubWorkflowSchema() {
        List<String> args = new java.util.ArrayList<>(List.of("--builtin-schema", "vendor.github-workflows"));
        WORKFLOWS.forEach(w -> args.add(".github/workflows/" + w));
        ToolRun run = Tool.CHECK_JSONSCHEMA.run(args.toArray(String[]::new));
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void dependabotMatchesItsSchemaAndWatchesMavenAndTheActions() {
        ToolRun run = Tool.CHECK_JSONSCHEMA.run("--builtin-schema", "vendor.dependabot", ".github/dependabot.yml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        YamlTree dependabot = YamlTree.parse(Project.read(".github/dependabot.yml"));
        assertThat(dependabot.at("updates").list())
                .extracting(u -> u.at("package-ecosystem").text())
                .containsExactlyInAnyOrder("maven", "github-actions");
    }

    @Test
    void ciRunsTheTestScriptWithTheToolsCachedAndBuildsTheImage() {
        YamlTree ci = workflow("ci.yml");
        String steps = ci.at("jobs.test.steps").value().toString();
        assertThat(steps).contains("bash .ci/run").contains(".tools");
        assertThat(ci.at("jobs.image.needs").text()).isEqualTo("test");
        assertThat(ci.at("jobs.image.steps").value().toString()).contains("deploy/Dockerfile");
        assertThat(Integer.parseInt(ci.at("jobs.test.timeout-minutes").text())).isLessThanOrEqualTo(40);
        // GitHub's runners have a Docker engine; the tested path is the native one.
        YamlTree run = ci.at("jobs.test.steps").list().stream()
                .filter(s -> s.at("run").exists() && s.at("run").text().contains("bash .ci/run"))
                .findFirst()
                .orElseThrow();
        assertThat(run.at("env.SEVERITY_SERVICES_MODE").text()).isEqualTo("native");
    }

    @Test
    void stagingDeploysFromMainSmokeTestsAndRollsBack() {
        YamlTree staging = workflow("cd-staging.yml");
        assertThat(staging.at("on.workflow_run.branches").list())
                .extracting(YamlTree::text)
                .containsExactly("main");
        List<YamlTree> steps = staging.at("jobs.deploy.steps").list();
        assertThat(steps)
                .anySatisfy(s -> assertThat(
                                s.at("run").exists() && s.at("run").text().contains("helm upgrade --install"))
                        .isTrue());
        assertThat(steps)
                .anySatisfy(s -> assertThat(
                                s.at("run").exists() && s.at("run").text().contains("scripts/health_check.sh"))
                        .isTrue());
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.at("if").text()).contains("failure()");
            assertThat(s.at("run").text()).contains("helm rollback");
        });
    }

    @Test
    void stagingPreparesTheNamespaceWithItsLabelsBeforeHelmInstallsIntoIt() {
        List<String> runs = workflow("cd-staging.yml").at("jobs.deploy.steps").list().stream()
                .map(s -> s.at("run").exists() ? s.at("run").text() : "")
                .toList();
        int namespace = -1;
        int helm = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (namespace < 0 && runs.get(i).contains("scripts/namespace.sh \"$NAMESPACE\"")) {
                namespace = i;
            }
            if (helm < 0 && runs.get(i).contains("helm upgrade --install")) {
                helm = i;
            }
        }
        assertThat(namespace).as("scripts/namespace.sh step").isNotNegative().isLessThan(helm);
        assertThat(String.join("\n", runs)).doesNotContain("--create-namespace");
        // Production: scripts/blue-green.sh prepares it (BlueGreenScriptTest).
        assertThat(Project.read("scripts/blue-green.sh")).contains("scripts/namespace.sh\" \"$namespace\"");
    }

    @Test
    void productionNeedsApprovalAndRollsOutBlueGreenOnAReleaseTag() {
        YamlTree production = workflow("cd-production.yml");
        assertThat(production.at("on.push.tags.0").text()).isEqualTo("v*.*.*");
        assertThat(production.at("jobs.rollout.environment.name").text()).isEqualTo("production");
        assertThat(production.at("jobs.rollout.steps").value().toString()).contains("scripts/blue-green.sh --tag");
        // The release runs the repository the images were pushed to, not the chart's default.
        assertThat(production.at("jobs.rollout.steps").value().toString()).contains("--repository \"$IMAGE\"");
        assertThat(production.at("env.IMAGE").text())
                .isEqualTo(workflow("cd-staging.yml").at("env.IMAGE").text());
    }

    @Test
    void productionRedeploysAReleasedVersionByHandWithoutANewTag() {
        YamlTree production = workflow("cd-production.yml");
        YamlTree version = production.at("on.workflow_dispatch.inputs.version");
        assertThat(version.at("required").value()).isEqualTo(true);
        assertThat(production.at("env.VERSION").text()).isEqualTo("${{ inputs.version || github.ref_name }}");
        // By hand the image is already tagged; the rollout still runs, on the release's own files.
        assertThat(production.at("jobs.promote-image.if").text()).contains("push");
        assertThat(production.at("jobs.rollout.if").text()).contains("!failure()");
        String steps = production.at("jobs.rollout.steps").value().toString();
        assertThat(steps)
                .contains("ref=${{ env.VERSION }}", "scripts/blue-green.sh --tag \"$VERSION\"")
                .doesNotContain("--tag \"$GITHUB_REF_NAME\"");
    }

    @Test
    void retrainLooksDailyAtTwoAndOnDemandAsAJobOfTheClustersCronJobWhichAManualRunCanForce() {
        YamlTree retrain = workflow("ml-retrain.yml");
        assertThat(retrain.at("on.schedule.0.cron").text()).isEqualTo("0 2 * * *");
        assertThat(retrain.at("on.workflow_dispatch.inputs.force.type").text()).isEqualTo("boolean");
        assertThat(retrain.at("jobs.retrain.steps").value().toString())
                .contains(
                        "jq '.spec.template.spec.containers[0].env += [{\"name\": \"SEVERITY_RETRAIN_FORCE\", \"value\": \"1\"}]'");
        assertThat(retrain.at("jobs.retrain.steps").value().toString())
                .contains(
                        "kubectl -n \"$NAMESPACE\" create job \"$name\" --from=\"cronjob/$RELEASE-retrain\"",
                        "gh issue create");
        // `gh issue create --label ml` fails on a repository without the label: the notice creates it first.
        String notice = retrain.at("jobs.retrain.steps").list().stream()
                .filter(s -> s.at("run").exists() && s.at("run").text().contains("gh issue create"))
                .findFirst()
                .orElseThrow()
                .at("run")
                .text();
        assertThat(notice).contains("--label ml");
        assertThat(notice.indexOf("gh label create ml --force"))
                .isNotNegative()
                .isLessThan(notice.indexOf("gh issue create"));
        assertThat(retrain.at("jobs.retrain.concurrency.group").text()).contains("${{ matrix.environment }}");
    }

    @Test
    void everyEnvironmentHasExactlyOneRetrainScheduler() {
        // The workflow's schedule covers the environments of its matrix; a CronJob that is not
        // suspended would be a second, concurrent retrain at the same hour.
        String scheduled = workflow("ml-retrain.yml")
                .at("jobs.retrain.strategy.matrix.environment")
                .text();
        for (String environment : List.of("staging", "production")) {
            boolean workflowSchedules = scheduled.contains("\"" + environment + "\"");
            boolean cronJobSchedules = RenderedChart.render(environment)
                    .ofKind("CronJob")
                    .filter(c -> c.name().equals(RenderedChart.RELEASE + "-retrain"))
                    .anyMatch(c -> !Boolean.TRUE.equals(c.at("spec.suspend").value()));
            assertThat(workflowSchedules ^ cronJobSchedules)
                    .as(environment + ": workflow " + workflowSchedules + ", CronJob " + cronJobSchedules)
                    .isTrue();
        }
    }

    @Test
    void securityScansDependenciesFromACachedDatabaseTheImageAndTheCode() {
        YamlTree security = workflow("security.yml");
        assertThat(security.at("jobs").map()).containsKeys("dependencies", "image", "codeql");
        assertThat(security.at("jobs.dependencies.steps").value().toString())
                .contains("actions/cache", "~/.cache/trivy", "scan-type=fs");
        assertThat(security.at("jobs.image.steps").value().toString()).contains("image-ref=severity:scan");
        assertThat(security.at("jobs.codeql.steps").value().toString()).contains("github/codeql-action/analyze");
    }

    @Test
    void securityKeepsACycloneDxBillOfMaterialsFromThePluginThePomPins() {
        String steps =
                workflow("security.yml").at("jobs.dependencies.steps").value().toString();
        assertThat(steps)
                .contains(
                        "org.cyclonedx:cyclonedx-maven-plugin:makeAggregateBom",
                        "-DoutputFormat=json",
                        "actions/upload-artifact",
                        "path=target/bom.json",
                        "if-no-files-found=error");
        assertThat(Project.read("pom.xml"))
                .containsPattern(
                        "<artifactId>cyclonedx-maven-plugin</artifactId>\\s*<version>\\$\\{cyclonedx.version}</version>");
    }

    private static YamlTree workflow(String file) {
        // SnakeYAML (YAML 1.1) reads the key `on` as the boolean true: put it back under "on".
        YamlTree tree = YamlTree.parse(Project.read(".github/workflows/" + file));
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) tree.value())
                .forEach((k, v) -> map.put(String.valueOf(k).equals("true") ? "on" : String.valueOf(k), v));
        return new YamlTree(map);
    }
}
