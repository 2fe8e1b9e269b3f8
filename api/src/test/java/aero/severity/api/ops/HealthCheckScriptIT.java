package aero.severity.api.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import aero.severity.api.auth.ClientCredentials;
import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.FreshDatabaseExtension;
import aero.severity.api.support.FullStackTest;
import aero.severity.testing.RealServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/health_check.sh, the CD smoke test, against the running api (its database, Redis and the
 * champion from MLflow): every check passes, and a client the api refuses fails with the token's
 * exit code. The deploy module's HealthCheckIT covers the failure codes without an api.
 */
class HealthCheckScriptIT extends FullStackTest {

    @Test
    void everyCheckPassesAgainstTheRunningApi() throws Exception {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.PRO);
        Run run = healthCheck(client.clientId(), client.clientSecret());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .contains(
                        "ok    liveness",
                        "ok    readiness",
                        "ok    token",
                        "ok    predict",
                        "ok    db",
                        "ok    redis",
                        "ok    mlflow");
    }

    @Test
    void aSecretTheApiRefusesExitsWith12AndIsNeverPrinted() throws Exception {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.PRO);
        Run run = healthCheck(client.clientId(), "not-the-secret-4711");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(12);
        assertThat(run.stderr()).contains("FAIL  token", "HTTP 401");
        assertThat(run.stdout() + run.stderr()).doesNotContain("not-the-secret-4711");
    }

    private Run healthCheck(String clientId, String secret) throws IOException, InterruptedException {
        RealServices services = RealServices.get();
        Map<String, String> env = new HashMap<>();
        env.put("SEVERITY_API_URL", "http://127.0.0.1:" + port);
        env.put("SEVERITY_MANAGEMENT_URL", "http://127.0.0.1:" + managementPort);
        env.put("SEVERITY_SMOKE_CLIENT_ID", clientId);
        env.put("SEVERITY_SMOKE_CLIENT_SECRET", secret);
        env.put("SEVERITY_DB_URL", FreshDatabaseExtension.current().jdbcUrl());
        env.put("SEVERITY_DB_USER", services.dbUser());
        env.put("SEVERITY_DB_PASSWORD", services.dbPassword());
        env.put("SEVERITY_REDIS_URL", services.redisUrl());
        env.put("SEVERITY_MLFLOW_URI", services.mlflowUri());
        Path root = Path.of("").toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", root.resolve("scripts/health_check.sh").toString())
                .directory(root.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("health-check", ".out");
        Path err = Files.createTempFile("health-check", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/health_check.sh did not finish in 2 minutes");
        }
        Run run = new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private record Run(int exitCode, String stdout, String stderr) {}
}
