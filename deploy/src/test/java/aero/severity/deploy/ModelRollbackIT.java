package aero.severity.deploy;

import java.util.Map;
import java.util.UUID;

import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/model-rollback.sh against the real MLflow tracking server: a registered model of its own
 * (never `accident-severity`, which other tests and the ml module use) with three versions.
 */
@ExtendWith(RealServicesExtension.class)
class ModelRollbackIT {

    private RealServices services;
    private MlflowRegistry registry;
    private String model;

    @BeforeEach
    void threeVersionsWithTheNewestAsChampion(RealServices services) {
        this.services = services;
        registry = new MlflowRegistry(services.mlflowUri());
        model = "rollback-it-" + UUID.randomUUID().toString().substring(0, 8);
        registry.createRegisteredModelWithVersions(model, 3);
        registry.setAlias(model, "champion", 3);
        registry.setAlias(model, "challenger", 3);
    }

    @AfterEach
    void deleteModel() {
        registry.delete(model);
    }

    @Test
    void rollbackMovesTheChampionToThePreviousVersionAndRecordsIt() {
        ToolRun run = rollback("--model", model);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).contains("moved from v3 to v2");
        assertThat(registry.alias(model, "champion")).isEqualTo("2");
        assertThat(registry.alias(model, "challenger")).as("other aliases stay").isEqualTo("3");
        assertThat(registry.registeredModel(model)).contains("severity.last_rollback", "v3 -> v2");
    }

    @Test
    void repeatedRollbacksWalkBackOneVersionAtATimeUntilThereIsNoneLeft() {
        assertThat(rollback("--model", model).exitCode()).isZero();
        assertThat(rollback("--model", model).exitCode()).isZero();
        assertThat(registry.alias(model, "champion")).isEqualTo("1");
        ToolRun none = rollback("--model", model);
        assertThat(none.exitCode()).isEqualTo(5);
        assertThat(none.stderr()).contains("no READY version");
        assertThat(registry.alias(model, "champion")).isEqualTo("1");
    }

    @Test
    void rollbackToAGivenVersionAndForwardAgain() {
        assertThat(rollback("--model", model, "--to", "1").exitCode()).isZero();
        assertThat(registry.alias(model, "champion")).isEqualTo("1");
        assertThat(rollback("--model", model, "--to", "3").exitCode()).isZero();
        assertThat(registry.alias(model, "champion")).isEqualTo("3");
    }

    @Test
    void aDryRunChangesNothing() {
        ToolRun run = rollback("--model", model, "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("would move champion", "from v3 to v2");
        assertThat(registry.alias(model, "champion")).isEqualTo("3");
    }

    @Test
    void anUnknownVersionOrModelIsRefusedAndChangesNothing() {
        ToolRun unknownVersion = rollback("--model", model, "--to", "9");
        assertThat(unknownVersion.exitCode()).isEqualTo(4);
        assertThat(unknownVersion.stderr()).contains("version 9", "does not exist");
        assertThat(registry.alias(model, "champion")).isEqualTo("3");
        assertThat(rollback("--model", model + "-missing").exitCode()).isEqualTo(4);
        assertThat(rollback("--model", model, "--to", "two").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnreachableMlflowIsReportedAsSuch() {
        ToolRun run = ScriptRunner.run(
                services,
                Map.of("SEVERITY_MLFLOW_URI", "http://127.0.0.1:1"),
                "scripts/model-rollback.sh",
                "--model",
                model);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(registry.alias(model, "champion")).isEqualTo("3");
    }

    private ToolRun rollback(String... args) {
        return ScriptRunner.run(services, Map.of(), "scripts/model-rollback.sh", args);
    }
}
