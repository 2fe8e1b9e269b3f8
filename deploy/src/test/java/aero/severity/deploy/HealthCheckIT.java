package aero.severity.deploy;

import java.util.Map;

import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/health_check.sh: its database, Redis and MLflow checks against the real services, and the exit
 * code that names each failing part. The api checks (liveness, readiness, token, predict) are run
 * here against a port where no api listens; the passing case against the running api (with its
 * champion from MLflow) is the api module's HealthCheckScriptIT, where the app runs in-process.
 */
@ExtendWith(RealServicesExtension.class)
class HealthCheckIT {

    @Test
    void databaseAndRedisChecksPassAgainstTheRealServices(RealServices services) {
        ToolRun run = ScriptRunner.run(services, Map.of(), "scripts/health_check.sh", "--only", "db,redis");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).contains("ok    db", "ok    redis");
    }

    @Test
    void aWrongDatabasePasswordExitsWith20(RealServices services) {
        ToolRun run = ScriptRunner.run(
                services,
                Map.of("SEVERITY_DB_PASSWORD", "not-the-password"),
                "scripts/health_check.sh",
                "--only",
                "db,redis");
        assertThat(run.exitCode()).isEqualTo(20);
        assertThat(run.stderr())
                .contains("FAIL  db", "password authentication failed")
                .doesNotContain("not-the-password");
        assertThat(run.stdout()).contains("ok    redis");
    }

    @Test
    void anUnreachableRedisExitsWith21(RealServices services) {
        ToolRun run = ScriptRunner.run(
                services,
                Map.of("SEVERITY_REDIS_URL", "redis://127.0.0.1:1"),
                "scripts/health_check.sh",
                "--only",
                "db,redis");
        assertThat(run.exitCode()).isEqualTo(21);
        assertThat(run.stderr()).contains("FAIL  redis");
    }

    @Test
    void aRedisThatRejectsTheCredentialsExitsWith21(RealServices services) {
        String withPassword = services.redisUrl().replace("redis://", "redis://:wrong@");
        ToolRun run = ScriptRunner.run(
                services, Map.of("SEVERITY_REDIS_URL", withPassword), "scripts/health_check.sh", "--only", "redis");
        assertThat(run.exitCode()).isEqualTo(21);
        assertThat(run.stderr()).contains("AUTH rejected").doesNotContain("wrong");
    }

    @Test
    void aDownApiExitsWith10AndEveryApiCheckIsReported(RealServices services) {
        ToolRun run = ScriptRunner.run(
                services,
                Map.of(
                        "SEVERITY_API_URL",
                        "http://127.0.0.1:1",
                        "SEVERITY_MANAGEMENT_URL",
                        "http://127.0.0.1:1",
                        "SEVERITY_SMOKE_CLIENT_ID",
                        "smoke",
                        "SEVERITY_SMOKE_CLIENT_SECRET",
                        "s3cr3t-value"),
                "scripts/health_check.sh");
        assertThat(run.exitCode()).isEqualTo(10);
        assertThat(run.stderr())
                .contains("FAIL  liveness", "FAIL  readiness", "FAIL  token", "FAIL  predict")
                .doesNotContain("s3cr3t-value");
        assertThat(run.stdout()).contains("ok    db", "ok    redis");
    }

    @Test
    void theMlflowCheckPassesAgainstTheRealTrackingServer(RealServices services) {
        ToolRun run = ScriptRunner.run(services, Map.of(), "scripts/health_check.sh", "--only", "mlflow");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).contains("ok    mlflow").containsPattern("champion: version \\d+|has no champion yet");
    }

    @Test
    void anUnreachableMlflowExitsWith22(RealServices services) {
        ToolRun run = ScriptRunner.run(
                services,
                Map.of("SEVERITY_MLFLOW_URI", "http://127.0.0.1:1"),
                "scripts/health_check.sh",
                "--only",
                "db,redis,mlflow");
        assertThat(run.exitCode()).isEqualTo(22);
        assertThat(run.stderr()).contains("FAIL  mlflow", "127.0.0.1:1/health");
        assertThat(run.stdout()).contains("ok    db", "ok    redis");
    }

    @Test
    void anUnknownCheckIsAUsageError(RealServices services) {
        assertThat(ScriptRunner.run(services, Map.of(), "scripts/health_check.sh", "--only", "dns")
                        .exitCode())
                .isEqualTo(2);
    }
}
