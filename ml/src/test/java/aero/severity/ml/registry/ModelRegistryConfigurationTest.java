package aero.severity.ml.registry;

import java.nio.file.Path;

import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelRegistryConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ValidationAutoConfiguration.class, ModelRegistryConfiguration.class));

    @Test
    void everySpringBootApplicationWithMlOnItsClassPathGetsTheRegistry() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                        .getCandidates())
                .contains(ModelRegistryConfiguration.class.getName());
    }

    @Test
    void anApplicationsOwnModelStoreWins(@TempDir Path dir) {
        LocalModelRegistry own = new LocalModelRegistry(dir, "own");
        runner.withBean(ModelStore.class, () -> own)
                .run(context -> assertThat(context.getBean(ModelRegistry.class)).isSameAs(own));
    }

    @Test
    void withoutMlflowTheRegistryIsTheLocalFolder(@TempDir Path dir) {
        runner.withPropertyValues("severity.model.dir=" + dir, "severity.mlflow.uri=")
                .run(context -> {
                    assertThat(context).hasSingleBean(ModelRegistry.class);
                    assertThat(context.getBean(ModelRegistry.class)).isInstanceOf(LocalModelRegistry.class);
                    assertThat(((ModelStore) context.getBean(ModelRegistry.class)).describe())
                            .contains(dir.toString());
                });
    }

    @Test
    void aBlankMlflowUriMeansNoMlflow() {
        runner.withPropertyValues("severity.mlflow.uri=")
                .run(context ->
                        assertThat(context.getBean(ModelRegistry.class)).isInstanceOf(LocalModelRegistry.class));
    }

    @Test
    void withAnMlflowUriTheRegistryIsMlflow() {
        runner.withPropertyValues("severity.mlflow.uri=http://127.0.0.1:1").run(context -> {
            assertThat(context.getBean(ModelRegistry.class)).isInstanceOf(MlflowModelRegistry.class);
            assertThat(((ModelStore) context.getBean(ModelRegistry.class)).describe())
                    .isEqualTo("MLflow at http://127.0.0.1:1");
        });
    }

    @Test
    void theModelNameNamesTheLocalFolder(@TempDir Path dir) {
        runner.withPropertyValues(
                        "severity.model.dir=" + dir, "severity.model.name=severity-test", "severity.mlflow.uri=")
                .run(context -> assertThat(((ModelStore) context.getBean(ModelRegistry.class)).describe())
                        .endsWith(dir.resolve("severity-test").toString()));
    }

    @Test
    void anInvalidSettingFailsAtStartupNamingTheProperty() {
        runner.withPropertyValues("severity.model.name= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("name");
        });
    }
}
