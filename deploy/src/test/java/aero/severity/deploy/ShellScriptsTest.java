package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shell script of the project passes shellcheck; the operations YAML passes yamllint. */
class ShellScriptsTest {

    @Test
    void shellcheckFindsNothingInAnyScript() throws IOException {
        List<String> args = new ArrayList<>(List.of("-x", "--severity=info"));
        try (Stream<Path> scripts = Files.list(Project.file("scripts"))) {
            scripts.filter(p -> p.toString().endsWith(".sh"))
                    .sorted()
                    .forEach(p -> args.add(Project.root().relativize(p).toString()));
        }
        try (Stream<Path> libraries = Files.list(Project.file("scripts/lib"))) {
            libraries
                    .filter(p -> p.toString().endsWith(".sh"))
                    .sorted()
                    .forEach(p -> args.add(Project.root().relativize(p).toString()));
        }
        args.add("deploy/docker/entrypoint.sh");
        args.add(".ci/run");
        assertThat(args)
                .contains(
                        "scripts/lib/db-connection.sh",
                        "scripts/lib/apt-lock.sh",
                        "scripts/services.sh",
                        "scripts/backup.sh",
                        "scripts/restore.sh",
                        "scripts/health_check.sh",
                        "scripts/model-rollback.sh",
                        "scripts/blue-green.sh",
                        "scripts/tools.sh",
                        "scripts/test.sh");
        ToolRun run = Tool.SHELLCHECK.run(args.toArray(String[]::new));
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void theRealDataFolderIsTheConfiguredOneElseSharedBesideTheRepository() throws IOException {
        String lookup = ". scripts/lib/ntsb-data.sh; ntsb_data_folder \"$PWD\"";
        ToolRun configured =
                Tool.BASH.run(Project.root(), Map.of("SEVERITY_NTSB_DATA", "/data/ntsb"), List.of("-c", lookup));
        assertThat(configured.stdout().strip()).as(configured.describe()).isEqualTo("/data/ntsb");
        ToolRun beside = Tool.BASH.run(Project.root(), Map.of("SEVERITY_NTSB_DATA", ""), List.of("-c", lookup));
        assertThat(Path.of(beside.stdout().strip()))
                .as(beside.describe())
                .isEqualTo(Project.root().toRealPath().getParent().resolve("shared/data/ntsb"));
    }

    @Test
    void yamllintFindsNothingInTheOperationsYaml() {
        ToolRun run = Tool.YAMLLINT.run(
                "--strict",
                "-c",
                ".yamllint.yml",
                "docker-compose.yml",
                "docker-compose.test.yml",
                "prometheus",
                "grafana/provisioning",
                ".github/workflows",
                "deploy/helm/values.yaml",
                "deploy/helm/values-staging.yaml",
                "deploy/helm/values-production.yaml",
                "deploy/helm/Chart.yaml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }

    @Test
    void toolsScriptReportsEverythingInstalled() {
        ToolRun run = Tool.BASH.run("scripts/tools.sh", "--check");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
    }
}
