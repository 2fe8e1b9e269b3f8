package aero.severity.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/helm rendered by the real helm for staging and production, checked object by object. */
class HelmChartTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void lintIsCleanInStrictMode(String environment) {
        ToolRun run =
                Tool.HELM.run("lint", "deploy/helm", "--strict", "-f", "deploy/helm/values-" + environment + ".yaml");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout()).contains("0 chart(s) failed");
    }

    @Test
    void renderingFailsWhenTlsIsOnWithoutACertificateSecret() {
        // The checks can fail: helm refuses values that would produce a broken Ingress.
        ToolRun run = Tool.HELM.run(
                "template",
                "x",
                "deploy/helm",
                "--set",
                "ingress.tls.enabled=true",
                "--set",
                "ingress.tls.secretName=");
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stderr()).contains("ingress.tls.secretName is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void apiProbesAskTheManagementPortAndLivenessIsSeparateFromReadiness(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        List<YamlTree> apis = chart.ofKind("Deployment")
                .filter(d -> d.name().startsWith("severity-api"))
                .toList();
        assertThat(apis).isNotEmpty();
        for (YamlTree api : apis) {
            YamlTree container = api.at("spec.template.spec.containers.0");
            assertThat(container.at("ports").list()).anySatisfy(port -> {
                assertThat(port.at("name").text()).isEqualTo("management");
                assertThat(port.at("containerPort").text()).isEqualTo("8081");
            });
            assertThat(container.at("livenessProbe.httpGet.path").text()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("readinessProbe.httpGet.path").text()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("startupProbe.httpGet.path").text()).isEqualTo("/actuator/health/liveness");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(container.at(probe + ".httpGet.port").text())
                        .as(probe)
                        .isEqualTo("management");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyContainerRunsAsNonRootReadOnlyWithoutCapabilitiesAndWithLimits(String environment) {
        RenderedChart chart = RenderedChart.render(
                environment, "backup.enabled=true", "backup.claimName=severity-backups", "ingest.job.enabled=true");
        List<YamlTree> pods = chart.podSpecs().toList();
        assertThat(pods).hasSizeGreaterThanOrEqualTo(3);
        for (YamlTree pod : pods) {
            assertThat(pod.at("securityContext.runAsNonRoot").value()).isEqualTo(true);
            assertThat(pod.at("securityContext.seccompProfile.type").text()).isEqualTo("RuntimeDefault");
            assertThat(pod.at("automountServiceAccountToken").value()).isEqualTo(false);
            for (YamlTree container : pod.at("containers").list()) {
                String name = container.at("name").text();
                assertThat(container
                                .at("securityContext.allowPrivilegeEscalation")
                                .value())
                        .as(name)
                        .isEqualTo(false);
                assertThat(container
                                .at("securityContext.readOnlyRootFilesystem")
                                .value())
                        .as(name)
                        .isEqualTo(true);
                assertThat(container.at("securityContext.capabilities.drop").list())
                        .as(name)
                        .extracting(YamlTree::text)
                        .containsExactly("ALL");
                assertThat(container.at("resources.requests.cpu").exists())
                        .as(name + " cpu request")
                        .isTrue();
                assertThat(container.at("resources.requests.memory").exists())
                        .as(name + " memory request")
                        .isTrue();
                assertThat(container.at("resources.limits.memory").exists())
                        .as(name + " memory limit")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyJvmWritesItsTempFilesToTheMountPointOfAWritableVolume(String environment) {
        // The root filesystem is read-only and a mount hides what the image has below it, so
        // java.io.tmpdir must be exactly where a writable emptyDir is mounted (Tomcat fails with
        // "Unable to create tempDir" otherwise).
        RenderedChart chart = RenderedChart.render(environment, "ingest.job.enabled=true");
        Map<String, Object> config =
                chart.one("ConfigMap", "severity-config").at("data").map();
        String imageDefault = javaTmpdir(Project.read("deploy/Dockerfile")
                .lines()
                .filter(l -> l.contains("JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow());
        List<YamlTree> jvmPods = chart.podSpecs()
                .filter(p -> p.at("containers.0.envFrom.0.configMapRef.name").exists())
                .toList();
        assertThat(jvmPods).as("api, retrain and ingest pods").hasSizeGreaterThanOrEqualTo(3);
        for (YamlTree pod : jvmPods) {
            YamlTree container = pod.at("containers.0");
            String options = container.at("env").list().stream()
                    .filter(e -> e.at("name").text().equals("JAVA_TOOL_OPTIONS"))
                    .map(e -> e.at("value").text())
                    .findFirst()
                    .orElse((String) config.get("JAVA_TOOL_OPTIONS"));
            String tmpdir = options == null || javaTmpdir(options) == null ? imageDefault : javaTmpdir(options);
            Set<String> emptyDirs = pod.at("volumes").list().stream()
                    .filter(v -> v.at("emptyDir").exists())
                    .map(v -> v.at("name").text())
                    .collect(Collectors.toSet());
            assertThat(container.at("volumeMounts").list())
                    .as(container.at("name").text() + ": java.io.tmpdir " + tmpdir)
                    .anySatisfy(m -> {
                        assertThat(m.at("mountPath").text()).isEqualTo(tmpdir);
                        assertThat(emptyDirs).contains(m.at("name").text());
                        assertThat(m.at("readOnly").value()).isNotEqualTo(true);
                    });
        }
    }

    private static String javaTmpdir(String javaOptions) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-Djava\\.io\\.tmpdir=([^\\s\"]+)")
                .matcher(javaOptions);
        String last = null;
        while (m.find()) {
            last = m.group(1); // the JVM takes the last -D of a property
        }
        return last;
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void secretsAreReferencedNeverRendered(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        // the one Secret is the Alertmanager's routing (the Operator takes its config only as a Secret):
        // a copy of alertmanager/alertmanager.yml, whose receivers read their keys from files
        assertThat(chart.ofKind("Secret").map(YamlTree::name))
                .as("the chart must not carry secret values")
                .isSubsetOf("severity-alertmanager-config");
        chart.ofKind("Secret")
                .forEach(secret -> assertThat(secret.at("stringData").map().keySet())
                        .containsExactlyInAnyOrder("alertmanager.yaml", "severity.tmpl"));
        Set<String> secretish = Set.of(
                "SEVERITY_DB_PASSWORD", "SEVERITY_JWT_SECRET", "SEVERITY_REDIS_URL", "DB_PASSWORD", "CLIENT_SECRET");
        List<YamlTree> env = chart.podSpecs()
                .flatMap(p -> p.at("containers").list().stream())
                .flatMap(c -> c.at("env").list().stream())
                .toList();
        List<YamlTree> secretEnv = env.stream()
                .filter(e -> secretish.contains(e.at("name").text()))
                .toList();
        assertThat(secretEnv).isNotEmpty();
        for (YamlTree variable : secretEnv) {
            assertThat(variable.at("value").exists())
                    .as(variable.at("name").text() + " has a literal value")
                    .isFalse();
            assertThat(variable.at("valueFrom.secretKeyRef.name").text()).isEqualTo("severity-secrets");
        }
        Map<String, Object> config =
                chart.one("ConfigMap", "severity-config").at("data").map();
        assertThat(config.keySet())
                .noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.contains("TOKEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void configMapCarriesTheFeatureFlagsTheAppReads(String environment) {
        YamlTree values = YamlTree.parse(Project.read("deploy/helm/values-" + environment + ".yaml"));
        Map<String, Object> config = RenderedChart.render(environment)
                .one("ConfigMap", "severity-config")
                .at("data")
                .map();
        assertThat(config)
                .containsEntry(
                        "SEVERITY_FEATURE_PREDICTION_CACHE",
                        values.at("features.predictionCache").text())
                .containsEntry(
                        "SEVERITY_FEATURE_SHADOW_CHALLENGER",
                        values.at("features.shadowChallenger").text())
                .containsEntry(
                        "SEVERITY_FEATURE_BATCH_MAX_SIZE",
                        values.at("features.batchMaxSize").text())
                .containsEntry("SEVERITY_LOG_FORMAT", "json")
                .containsEntry("SEVERITY_HTTP_COMPRESSION", "true")
                .containsEntry("SEVERITY_MODEL_NAME", "accident-severity")
                .containsKeys(
                        "SEVERITY_RATELIMIT_FREE_PER_HOUR",
                        "SEVERITY_RATELIMIT_PRO_PER_HOUR",
                        "SEVERITY_RATELIMIT_ENTERPRISE_PER_HOUR");
    }

    @Test
    void logLevelsAndTheAccessLogAreSetPerEnvironmentAndReadByTheApi() {
        Map<String, Object> staging = RenderedChart.render("staging")
                .one("ConfigMap", "severity-config")
                .at("data")
                .map();
        Map<String, Object> production = RenderedChart.render("production")
                .one("ConfigMap", "severity-config")
                .at("data")
                .map();

        assertThat(staging)
                .containsEntry("LOGGING_LEVEL_AERO_SEVERITY", "DEBUG")
                .containsEntry("LOGGING_LEVEL_ROOT", "INFO")
                .containsEntry("SEVERITY_ACCESS_LOG_SLOW_THRESHOLD", "500ms");
        assertThat(production)
                .containsEntry("LOGGING_LEVEL_AERO_SEVERITY", "INFO")
                .containsEntry("LOGGING_LEVEL_ROOT", "WARN")
                .containsEntry("LOGGING_LEVEL_AERO_SEVERITY_API_ACCESS", "INFO")
                .containsEntry("SEVERITY_ACCESS_LOG_ENABLED", "true")
                .containsEntry("SEVERITY_ACCESS_LOG_SLOW_THRESHOLD", "250ms");
        String application = Project.read("api/src/main/resources/application.yml");
        assertThat(application).contains("${SEVERITY_ACCESS_LOG_ENABLED:", "${SEVERITY_ACCESS_LOG_SLOW_THRESHOLD:");
    }

    @Test
    void flippingAFeatureFlagChangesTheConfigMapAndRollsTheApi() {
        RenderedChart off = RenderedChart.render("staging", "features.predictionCache=false");
        RenderedChart on = RenderedChart.render("staging", "features.predictionCache=true");
        assertThat(off.one("ConfigMap", "severity-config").at("data").map())
                .containsEntry("SEVERITY_FEATURE_PREDICTION_CACHE", "false");
        String checksumOff = off.one("Deployment", "severity-api")
                .at("spec.template.metadata.annotations")
                .key("checksum/config")
                .text();
        String checksumOn = on.one("Deployment", "severity-api")
                .at("spec.template.metadata.annotations")
                .key("checksum/config")
                .text();
        assertThat(checksumOff).as("pods restart when a flag changes").isNotEqualTo(checksumOn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void autoscalerScalesTheLiveApiOnCpuAndRequestRate(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        List<YamlTree> hpas = chart.ofKind("HorizontalPodAutoscaler").toList();
        assertThat(hpas).hasSize(1);
        YamlTree hpa = hpas.get(0);
        String target = hpa.at("spec.scaleTargetRef.name").text();
        assertThat(Integer.parseInt(
                        chart.one("Deployment", target).at("spec.replicas").text()))
                .as("the live Deployment never starts below the autoscaler's minimum")
                .isEqualTo(Integer.parseInt(hpa.at("spec.minReplicas").text()));
        List<YamlTree> metrics = hpa.at("spec.metrics").list();
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.at("type").text()).isEqualTo("Resource");
            assertThat(m.at("resource.name").text()).isEqualTo("cpu");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.at("type").text()).isEqualTo("Pods");
            assertThat(m.at("pods.metric.name").text()).isEqualTo("severity_http_requests_per_second");
        });
        assertThat(Integer.parseInt(hpa.at("spec.minReplicas").text()))
                .isLessThanOrEqualTo(Integer.parseInt(hpa.at("spec.maxReplicas").text()));
    }

    @Test
    void productionKeepsTwoLiveReplicasThroughDisruptions() {
        RenderedChart chart = RenderedChart.render("production");
        YamlTree live = chart.one("PodDisruptionBudget", "severity-api-blue");
        assertThat(live.at("spec.minAvailable").text()).isEqualTo("2");
        assertThat(live.at("spec.selector.matchLabels")
                        .key("severity.aero/color")
                        .text())
                .isEqualTo("blue");
        assertThat(chart.one("PodDisruptionBudget", "severity-api-green")
                        .at("spec.minAvailable")
                        .text())
                .as("the idle color may be drained")
                .isEqualTo("0");
        assertThat(chart.one("PodDisruptionBudget", "severity-pgbouncer")
                        .at("spec.minAvailable")
                        .text())
                .isEqualTo("1");
    }

    @Test
    void productionIsBlueGreenWithThePreviewServiceOnTheIdleColor() {
        RenderedChart blue =
                RenderedChart.render("production", "rollout.colors.blue.tag=v1.0.0", "rollout.colors.green.tag=v1.1.0");
        assertThat(blue.one("Deployment", "severity-api-blue")
                        .at("spec.template.spec.containers.0.image")
                        .text())
                .endsWith(":v1.0.0");
        assertThat(blue.one("Deployment", "severity-api-green")
                        .at("spec.template.spec.containers.0.image")
                        .text())
                .endsWith(":v1.1.0");
        assertThat(blue.one("Service", "severity-api")
                        .at("spec.selector")
                        .key("severity.aero/color")
                        .text())
                .isEqualTo("blue");
        assertThat(blue.one("Service", "severity-api-preview")
                        .at("spec.selector")
                        .key("severity.aero/color")
                        .text())
                .isEqualTo("green");

        RenderedChart green = RenderedChart.render("production", "rollout.activeColor=green");
        assertThat(green.one("Service", "severity-api")
                        .at("spec.selector")
                        .key("severity.aero/color")
                        .text())
                .isEqualTo("green");
        assertThat(green.one("Service", "severity-api-preview")
                        .at("spec.selector")
                        .key("severity.aero/color")
                        .text())
                .isEqualTo("blue");
        assertThat(green.one("HorizontalPodAutoscaler", "severity-api-green").exists())
                .isTrue();
        assertThat(green.one("Deployment", "severity-api-blue")
                        .at("spec.replicas")
                        .text())
                .as("the old color stays warm for a switch back")
                .isEqualTo("2");
    }

    @Test
    void productionBatchJobsRunTheImageOfTheLiveColor() {
        // scripts/blue-green.sh sets only the colors' tags and the repository CD pushed to; the
        // retrain and ingest jobs must not fall back to the chart's appVersion, which is never pushed.
        for (String live : List.of("blue", "green")) {
            RenderedChart chart = RenderedChart.render(
                    "production",
                    "rollout.activeColor=" + live,
                    "rollout.colors.blue.tag=v1.0.0",
                    "rollout.colors.green.tag=v1.1.0",
                    "image.repository=ghcr.io/acme/severity",
                    "ingest.job.enabled=true");
            String liveImage = chart.one("Deployment", "severity-api-" + live)
                    .at("spec.template.spec.containers.0.image")
                    .text();
            assertThat(liveImage).isEqualTo("ghcr.io/acme/severity:" + (live.equals("blue") ? "v1.0.0" : "v1.1.0"));
            assertThat(chart.one("CronJob", "severity-retrain")
                            .at("spec.jobTemplate.spec.template.spec.containers.0.image")
                            .text())
                    .as("retrain while " + live + " is live")
                    .isEqualTo(liveImage);
            assertThat(chart.one("Job", "severity-ingest")
                            .at("spec.template.spec.containers.0.image")
                            .text())
                    .as("ingest while " + live + " is live")
                    .isEqualTo(liveImage);
        }
    }

    @Test
    void aColorGoingLiveKeepsAtLeastTheProductionMinimumThroughBothPhasesOfTheSwitch() {
        // Without a replicas field on the live color, Helm removes the previewReplicas it had and
        // Kubernetes runs 1 pod for all production traffic until the HPA reacts.
        int minReplicas = Integer.parseInt(YamlTree.parse(Project.read("deploy/helm/values-production.yaml"))
                .at("autoscaling.minReplicas")
                .text());
        int previewReplicas = Integer.parseInt(YamlTree.parse(Project.read("deploy/helm/values-production.yaml"))
                .at("rollout.previewReplicas")
                .text());
        assertThat(minReplicas).isGreaterThan(previewReplicas);
        // Phase 1: v1.1.0 goes to idle green, blue stays live. Phase 2: green becomes live.
        for (String live : List.of("blue", "green")) {
            RenderedChart chart = RenderedChart.render(
                    "production",
                    "rollout.activeColor=" + live,
                    "rollout.colors.blue.tag=v1.0.0",
                    "rollout.colors.green.tag=v1.1.0");
            String idle = live.equals("blue") ? "green" : "blue";
            assertThat(Integer.parseInt(chart.one("Deployment", "severity-api-" + live)
                            .at("spec.replicas")
                            .text()))
                    .as(live + " live")
                    .isGreaterThanOrEqualTo(minReplicas);
            assertThat(Integer.parseInt(chart.one("Deployment", "severity-api-" + idle)
                            .at("spec.replicas")
                            .text()))
                    .as(idle + " idle")
                    .isEqualTo(previewReplicas);
        }
    }

    @Test
    void stagingUpdatesInPlaceWithOneApiDeployment() {
        RenderedChart chart = RenderedChart.render("staging");
        assertThat(chart.ofKind("Deployment").map(YamlTree::name))
                .containsExactlyInAnyOrder(
                        "severity-api", "severity-pgbouncer", "severity-postgres-exporter", "severity-redis-exporter");
        assertThat(chart.ofKind("Service").map(YamlTree::name)).doesNotContain("severity-api-preview");
        assertThat(chart.one("Deployment", "severity-api")
                        .at("spec.strategy.rollingUpdate.maxUnavailable")
                        .text())
                .isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void apiGoesThroughPgBouncerInTransactionModeWithoutServerSidePreparedStatements(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        Map<String, Object> config =
                chart.one("ConfigMap", "severity-config").at("data").map();
        assertThat((String) config.get("SEVERITY_DB_URL"))
                .isEqualTo("jdbc:postgresql://severity-pgbouncer:5432/severity?prepareThreshold=0");
        assertThat((String) config.get("SEVERITY_DB_MIGRATION_URL"))
                .as("Flyway goes straight to PostgreSQL")
                .startsWith("jdbc:postgresql://severity-" + environment + ".postgres.example.internal:5432/");
        Map<String, String> pgbouncerEnv =
                chart.one("Deployment", "severity-pgbouncer").at("spec.template.spec.containers.0.env").list().stream()
                        .filter(e -> e.at("value").exists())
                        .collect(Collectors.toMap(
                                e -> e.at("name").text(), e -> e.at("value").text()));
        assertThat(pgbouncerEnv).containsEntry("POOL_MODE", "transaction").containsEntry("AUTH_TYPE", "scram-sha-256");
        YamlTree retrain =
                chart.one("CronJob", "severity-retrain").at("spec.jobTemplate.spec.template.spec.containers.0");
        assertThat(retrain.at("env").list()).anySatisfy(e -> {
            assertThat(e.at("name").text()).isEqualTo("SEVERITY_DB_URL");
            assertThat(e.at("value").text()).as("batch jobs bypass PgBouncer").doesNotContain("pgbouncer");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void retrainIsATemplateForTheDailyWorkflowAndIngestsTheUpdatesFolderOfTheDataVolume(String environment) {
        YamlTree cron = RenderedChart.render(environment, "ingest.dataVolume.claimName=ntsb-data")
                .one("CronJob", "severity-retrain");
        assertThat(cron.at("spec.schedule").text()).isEqualTo("0 2 * * *");
        assertThat(cron.at("spec.timeZone").text()).isEqualTo("Etc/UTC");
        assertThat(cron.at("spec.concurrencyPolicy").text()).isEqualTo("Forbid");
        // ml-retrain.yml is the one scheduler (WorkflowsTest); the CronJob only starts when it asks.
        assertThat(cron.at("spec.suspend").value()).isEqualTo(true);
        YamlTree container = cron.at("spec.jobTemplate.spec.template.spec.containers.0");
        assertThat(container.at("args").list()).extracting(YamlTree::text).containsExactly("retrain");
        String updates = container.at("env").list().stream()
                .filter(e -> e.at("name").text().equals("SEVERITY_RETRAIN_UPDATES_DIR"))
                .map(e -> e.at("value").text())
                .findFirst()
                .orElseThrow();
        assertThat(container.at("volumeMounts").list())
                .as(updates + " is on the data volume")
                .anySatisfy(
                        m -> assertThat(updates).startsWith(m.at("mountPath").text() + "/"));
    }

    @Test
    void theRetrainPolicyReachesTheJobAsSeverityRetrainPropertiesWithTheAlertRulesThresholds()
            throws java.io.IOException {
        Map<String, String> env = new java.util.HashMap<>();
        RenderedChart.render("production")
                .one("CronJob", "severity-retrain")
                .at("spec.jobTemplate.spec.template.spec.containers.0.env")
                .list()
                .stream()
                .filter(e -> e.at("value").exists())
                .forEach(e -> env.put(e.at("name").text(), e.at("value").text()));
        assertThat(env)
                .containsEntry("SEVERITY_RETRAIN_SCHEDULE", "28d")
                .containsEntry("SEVERITY_RETRAIN_MINLABELLEDEVENTS", "200");
        String rules = java.nio.file.Files.readString(Project.root().resolve("prometheus/rules/severity-alerts.yml"));
        assertThat(rules)
                .contains("severity_model_live_ece{job=\"severity-api\"}) > " + env.get("SEVERITY_RETRAIN_MAXLIVEECE"))
                .contains("> " + env.get("SEVERITY_RETRAIN_ECERATIO") + " * max(severity_model_validation_ece")
                .contains("- " + env.get("SEVERITY_RETRAIN_MAXFATALAUCDROP") + "\n")
                .contains("max by (feature) (severity_feature_psi{job=\"severity-api\"}) > "
                        + env.get("SEVERITY_RETRAIN_MAXPSI"));
    }

    @Test
    void aRetrainThatFetchesTheNtsbsFilesGetsTheSwitchTheMirrorAndHttpsOutNoneOtherwise() {
        RenderedChart fetching = RenderedChart.render(
                "production", "retrain.fetch=true", "retrain.fetchBaseUrl=https://mirror.example/avdata/");
        RenderedChart plain = RenderedChart.render("production");

        List<YamlTree> env = fetching.one("CronJob", "severity-retrain")
                .at("spec.jobTemplate.spec.template.spec.containers.0.env")
                .list();
        assertThat(env)
                .anySatisfy(e -> {
                    assertThat(e.at("name").text()).isEqualTo("SEVERITY_RETRAIN_FETCH");
                    assertThat(e.at("value").text()).isEqualTo("1");
                })
                .anySatisfy(e -> {
                    assertThat(e.at("name").text()).isEqualTo("SEVERITY_INGEST_FETCH_BASEURL");
                    assertThat(e.at("value").text()).isEqualTo("https://mirror.example/avdata/");
                });
        assertThat(fetching.one("NetworkPolicy", "severity-batch")
                        .at("spec.egress")
                        .list())
                .anySatisfy(rule -> assertThat(rule.at("ports.0.port").text()).isEqualTo("443"));
        assertThat(plain.one("CronJob", "severity-retrain")
                        .at("spec.jobTemplate.spec.template.spec.containers.0.env")
                        .list())
                .noneSatisfy(e -> assertThat(e.at("name").text()).isEqualTo("SEVERITY_RETRAIN_FETCH"));
        assertThat(plain.one("NetworkPolicy", "severity-batch")
                        .at("spec.egress")
                        .list())
                .noneSatisfy(rule -> assertThat(rule.at("ports.0.port").text()).isEqualTo("443"));
    }

    @Test
    void ingestJobRunsTheGivenImportWhenEnabled() {
        RenderedChart off = RenderedChart.render("production");
        assertThat(off.ofKind("Job")).isEmpty();
        RenderedChart on = RenderedChart.render(
                "production",
                "ingest.job.enabled=true",
                "ingest.job.args={import,/data/up01NOV.mdb}",
                "ingest.dataVolume.claimName=ntsb-data");
        YamlTree job = on.one("Job", "severity-ingest");
        YamlTree container = job.at("spec.template.spec.containers.0");
        assertThat(container.at("args").list())
                .extracting(YamlTree::text)
                .containsExactly("ingest", "import", "/data/up01NOV.mdb");
        assertThat(container.at("volumeMounts").list()).anySatisfy(m -> {
            assertThat(m.at("mountPath").text()).isEqualTo("/data");
            assertThat(m.at("readOnly").value()).isEqualTo(true);
        });
        assertThat(job.at("metadata.annotations").key("helm.sh/hook").text()).isEqualTo("post-install,post-upgrade");
    }

    @Test
    void theScheduledBackupIsTheProjectsBackupScriptStraightToPostgresOntoAVolume() {
        RenderedChart chart =
                RenderedChart.render("production", "backup.enabled=true", "backup.claimName=severity-backups");
        Map<String, Object> scripts =
                chart.one("ConfigMap", "severity-backup-scripts").at("data").map();
        assertThat(((String) scripts.get("backup.sh")).strip())
                .isEqualTo(Project.read("scripts/backup.sh").strip());
        assertThat(((String) scripts.get("db-connection.sh")).strip())
                .isEqualTo(Project.read("scripts/lib/db-connection.sh").strip());

        YamlTree cron = chart.one("CronJob", "severity-backup");
        YamlTree pod = cron.at("spec.jobTemplate.spec.template");
        assertThat(pod.at("metadata.labels").key("severity.aero/batch").text())
                .as("batch NetworkPolicy")
                .isEqualTo("true");
        YamlTree container = pod.at("spec.containers.0");
        Map<String, YamlTree> env = container.at("env").list().stream()
                .collect(Collectors.toMap(e -> e.at("name").text(), e -> e));
        assertThat(env.get("SEVERITY_DB_URL").at("value").text())
                .as("a snapshot needs a real session, not PgBouncer")
                .isEqualTo(chart.one("ConfigMap", "severity-config")
                        .at("data")
                        .map()
                        .get("SEVERITY_DB_MIGRATION_URL"));
        assertThat(env.get("SEVERITY_DB_PASSWORD")
                        .at("valueFrom.secretKeyRef.key")
                        .text())
                .isEqualTo("db-password");
        // backup.sh sources ../scripts/lib/db-connection.sh relative to itself.
        Map<String, String> mounts = container.at("volumeMounts").list().stream()
                .collect(Collectors.toMap(
                        m -> m.at("name").text(), m -> m.at("mountPath").text()));
        List<YamlTree> volumes = pod.at("spec.volumes").list();
        YamlTree scriptsVolume = volumes.stream()
                .filter(v -> v.at("name").text().equals("scripts"))
                .findFirst()
                .orElseThrow();
        assertThat(scriptsVolume.at("configMap.items").list())
                .extracting(i -> i.at("path").text())
                .containsExactlyInAnyOrder("backup.sh", "lib/db-connection.sh");
        String command = container.at("args.0").text();
        assertThat(command)
                .contains("bash " + mounts.get("scripts") + "/backup.sh --out \"" + mounts.get("backups") + "/");
        assertThat(volumes).anySatisfy(v -> {
            assertThat(v.at("name").text()).isEqualTo("backups");
            assertThat(v.at("persistentVolumeClaim.claimName").text()).isEqualTo("severity-backups");
        });
        assertThat(cron.at("spec.concurrencyPolicy").text()).isEqualTo("Forbid");

        ToolRun withoutClaim = Tool.HELM.run("template", "x", "deploy/helm", "--set", "backup.enabled=true");
        assertThat(withoutClaim.succeeded()).isFalse();
        assertThat(withoutClaim.stderr()).contains("backup.claimName is required");
    }

    @Test
    void productionBacksUpNightlyOntoItsNamedClaim() {
        YamlTree cron = RenderedChart.render("production").one("CronJob", "severity-backup");
        assertThat(cron.at("spec.jobTemplate.spec.template.spec.volumes").list())
                .anySatisfy(
                        v -> assertThat(v.at("persistentVolumeClaim.claimName").text())
                                .isEqualTo("severity-production-backups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup.enabled=false", "backup.claimName="})
    void productionRefusesToRenderWithoutABackupClaim(String set) {
        ToolRun run =
                Tool.HELM.run("template", "x", "deploy/helm", "-f", "deploy/helm/values-production.yaml", "--set", set);
        assertThat(run.succeeded()).as(run.describe()).isFalse();
        assertThat(run.stderr()).contains("production keeps nightly backups");
    }

    @Test
    void stagingRendersWithoutABackup() {
        assertThat(RenderedChart.render("staging").ofKind("CronJob").map(YamlTree::name))
                .doesNotContain("severity-backup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void serviceMonitorScrapesTheManagementPortUnderTheJobNameTheRulesUse(String environment) {
        YamlTree monitor = RenderedChart.render(environment).one("ServiceMonitor", "severity-api");
        YamlTree endpoint = monitor.at("spec.endpoints.0");
        assertThat(endpoint.at("port").text()).isEqualTo("management");
        assertThat(endpoint.at("path").text()).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.at("relabelings").list()).anySatisfy(r -> {
            assertThat(r.at("targetLabel").text()).isEqualTo("job");
            assertThat(r.at("replacement").text()).isEqualTo("severity-api");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void prometheusRuleIsExactlyTheRulesFileOfTheComposeStack(String environment) {
        YamlTree rule = RenderedChart.render(environment).one("PrometheusRule", "severity-alerts");
        YamlTree file = YamlTree.parse(Project.read("prometheus/rules/severity-alerts.yml"));
        assertThat(rule.at("spec.groups").value()).isEqualTo(file.at("groups").value());
    }

    @Test
    void runbookLinksOfTheAlertsFollowTheConfiguredBase() {
        assertThat(YamlTree.parse(Project.read("deploy/helm/values.yaml"))
                        .at("monitoring.prometheusRule.runbookBaseUrl")
                        .text())
                .isEqualTo(PrometheusTest.RUNBOOK_BASE_URL);
        String base = "https://git.example.org/ops/severity/-/blob/main/docs/RUNBOOK.md";
        YamlTree rule = RenderedChart.render("production", "monitoring.prometheusRule.runbookBaseUrl=" + base + "/")
                .one("PrometheusRule", "severity-alerts");
        List<YamlTree> alerts = rule.at("spec.groups").list().stream()
                .flatMap(g -> g.at("rules").list().stream())
                .filter(r -> r.at("alert").exists())
                .toList();
        assertThat(alerts)
                .hasSize(PrometheusTest.REQUIRED_ALERTS.size())
                .allSatisfy(a -> assertThat(a.at("annotations.runbook_url").text())
                        .isEqualTo(base + "#" + a.at("alert").text().toLowerCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theExportersAreScrapedUnderTheJobNamesOfTheRulesAndDashboardsWithTheirCredentialsFromTheSecret(
            String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        YamlTree prometheus = YamlTree.parse(Project.read("prometheus/prometheus.yml"));
        List<String> composeJobs = prometheus.at("scrape_configs").list().stream()
                .map(j -> j.at("job_name").text())
                .toList();

        for (String exporter : List.of("postgres", "redis")) {
            YamlTree monitor = chart.one("ServiceMonitor", "severity-" + exporter + "-exporter");
            assertThat(monitor.at("spec.endpoints.0.relabelings.0.replacement").text())
                    .isEqualTo(exporter)
                    .isIn(composeJobs);
            YamlTree container = chart.one("Deployment", "severity-" + exporter + "-exporter")
                    .at("spec.template.spec.containers.0");
            assertThat(container.at("env").list())
                    .anySatisfy(env -> assertThat(
                                    env.at("valueFrom.secretKeyRef.name").text())
                            .isEqualTo("severity-secrets"));
            assertThat(chart.one("NetworkPolicy", "severity-" + exporter + "-exporter")
                            .at("spec.ingress.0.from.0.namespaceSelector.matchLabels")
                            .map())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring");
        }
        String queries = (String) chart.one("ConfigMap", "severity-postgres-exporter")
                .at("data")
                .map()
                .get("queries.yaml");
        assertThat(queries.strip())
                .isEqualTo(Project.read("prometheus/postgres-exporter/queries.yaml")
                        .strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyDashboardShipsAsAConfigMapForGrafanasSidecar(String environment) {
        RenderedChart chart = RenderedChart.render(environment);

        for (String file : GrafanaDashboardsTest.dashboards().keySet()) {
            YamlTree map = chart.one("ConfigMap", "severity-dashboard-" + file.replace(".json", ""));
            assertThat(map.at("metadata.labels").map()).containsEntry("grafana_dashboard", "1");
            assertThat(map.at("metadata.namespace").text()).isEqualTo("monitoring");
            assertThat(((String) map.at("data").map().get(file)).strip())
                    .isEqualTo(Project.read("grafana/dashboards/" + file).strip());
        }
    }

    @Test
    void productionRoutesAlertsWithTheRepositoryConfigAndKeepsTheReceiverKeysOutOfTheChart() {
        YamlTree secret = RenderedChart.render("production").one("Secret", "severity-alertmanager-config");

        Map<String, Object> data = secret.at("stringData").map();
        assertThat(((String) data.get("alertmanager.yaml")).strip())
                .isEqualTo(Project.read("alertmanager/alertmanager.yml").strip());
        assertThat(((String) data.get("severity.tmpl")).strip())
                .isEqualTo(Project.read("alertmanager/templates/severity.tmpl").strip());
        assertThat(secret.at("metadata.namespace").text()).isEqualTo("monitoring");
        assertThat(RenderedChart.render("staging").ofKind("Secret"))
                .as("staging pages nobody")
                .isEmpty();
        for (String values : List.of("values.yaml", "values-staging.yaml", "values-production.yaml")) {
            assertThat(Project.read("deploy/helm/" + values))
                    .as(values)
                    .doesNotContain("hooks.slack.com")
                    .doesNotContainPattern("routing_?[kK]ey\\s*:");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void networkPoliciesDenyByDefaultAndOpenOnlyWhatThePlatformNeeds(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        YamlTree deny = chart.one("NetworkPolicy", "severity-default-deny");
        assertThat(deny.at("spec.policyTypes").list())
                .extracting(YamlTree::text)
                .containsExactly("Ingress", "Egress");
        assertThat(deny.at("spec.ingress").exists()).isFalse();
        assertThat(deny.at("spec.egress").exists()).isFalse();

        YamlTree api = chart.one("NetworkPolicy", "severity-api");
        Set<String> ingressPorts = api.at("spec.ingress").list().stream()
                .flatMap(rule -> rule.at("ports").list().stream())
                .map(p -> p.at("port").text())
                .collect(Collectors.toSet());
        assertThat(ingressPorts).containsExactlyInAnyOrder("8080", "8081");
        Set<String> egressPorts = api.at("spec.egress").list().stream()
                .flatMap(rule -> rule.at("ports").list().stream())
                .map(p -> p.at("port").text())
                .collect(Collectors.toSet());
        assertThat(egressPorts).containsExactlyInAnyOrder("5432", "6379", "5000", "53");
        // Flyway migrates at start over the direct URL, so the api must reach PostgreSQL itself too.
        YamlTree values = YamlTree.parse(Project.read("deploy/helm/values-" + environment + ".yaml"));
        String migrationUrl = (String)
                chart.one("ConfigMap", "severity-config").at("data").map().get("SEVERITY_DB_MIGRATION_URL");
        java.util.regex.Matcher hostPort = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/")
                .matcher(migrationUrl);
        assertThat(hostPort.find()).as(migrationUrl).isTrue();
        assertThat(hostPort.group(1)).isEqualTo(values.at("database.host").text());
        for (String workload : List.of("severity-api", "severity-batch")) {
            assertThat(chart.one("NetworkPolicy", workload).at("spec.egress").list())
                    .as(workload + " -> PostgreSQL")
                    .anySatisfy(rule -> {
                        assertThat(rule.at("to.0.ipBlock.cidr").text())
                                .isEqualTo(values.at("database.egressCidr").text());
                        assertThat(rule.at("ports").list())
                                .extracting(p -> p.at("port").text())
                                .containsExactly(hostPort.group(2));
                    });
        }
        // The management port only from the monitoring namespace (and the smoke test), not from the ingress controller.
        YamlTree managementRule = api.at("spec.ingress").list().stream()
                .filter(r -> r.at("ports.0.port").text().equals("8081"))
                .findFirst()
                .orElseThrow();
        assertThat(managementRule.at("from.0.namespaceSelector.matchLabels").map())
                .containsEntry("kubernetes.io/metadata.name", "monitoring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void rbacIsLeastPrivilege(String environment) {
        RenderedChart chart = RenderedChart.render(environment);
        YamlTree account = chart.one("ServiceAccount", "severity-app");
        assertThat(account.at("automountServiceAccountToken").value()).isEqualTo(false);
        YamlTree role = chart.one("Role", "severity-app");
        for (YamlTree rule : role.at("rules").list()) {
            List<String> resources =
                    rule.at("resources").list().stream().map(YamlTree::text).toList();
            List<String> verbs =
                    rule.at("verbs").list().stream().map(YamlTree::text).toList();
            assertThat(resources).doesNotContain("*", "secrets");
            assertThat(verbs).isSubsetOf("get", "list", "watch");
            assertThat(rule.at("resourceNames").list())
                    .as("scoped to named objects")
                    .isNotEmpty();
        }
        YamlTree binding = chart.one("RoleBinding", "severity-app");
        assertThat(binding.at("roleRef.kind").text()).isEqualTo("Role");
        assertThat(binding.at("subjects.0.name").text()).isEqualTo("severity-app");
        assertThat(chart.ofKind("ClusterRole")).isEmpty();
        assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(chart.podSpecs())
                .allSatisfy(p -> assertThat(p.at("serviceAccountName").text()).isEqualTo("severity-app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theChartDoesNotOwnItsReleaseNamespace(String environment) {
        // Helm cannot adopt the namespace it installs into ("exists and cannot be imported") nor
        // install into a missing one: scripts/namespace.sh creates and labels it (BlueGreenScriptTest).
        assertThat(RenderedChart.render(environment).ofKind("Namespace")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void ingressExposesOnlyTheApiPortWithTls(String environment) {
        YamlTree values = YamlTree.parse(Project.read("deploy/helm/values-" + environment + ".yaml"));
        YamlTree ingress = RenderedChart.render(environment).one("Ingress", "severity-api");
        assertThat(ingress.at("spec.rules.0.host").text())
                .isEqualTo(values.at("ingress.host").text());
        assertThat(ingress.at("spec.rules.0.http.paths.0.backend.service.port.name")
                        .text())
                .isEqualTo("http");
        assertThat(ingress.at("spec.tls.0.secretName").text())
                .isEqualTo(values.at("ingress.tls.secretName").text());
    }

    @Test
    void productionRunsMoreAndBiggerApiPodsThanStaging() {
        YamlTree staging = YamlTree.parse(Project.read("deploy/helm/values-staging.yaml"));
        YamlTree production = YamlTree.parse(Project.read("deploy/helm/values-production.yaml"));
        assertThat(Integer.parseInt(production.at("autoscaling.minReplicas").text()))
                .isGreaterThan(
                        Integer.parseInt(staging.at("autoscaling.minReplicas").text()));
        assertThat(production.at("rateLimits.freePerHour").text()).isEqualTo("100");
        assertThat(production.at("rateLimits.proPerHour").text()).isEqualTo("1000");
        assertThat(production.at("rateLimits.enterprisePerHour").text()).isEqualTo("10000");
    }
}
