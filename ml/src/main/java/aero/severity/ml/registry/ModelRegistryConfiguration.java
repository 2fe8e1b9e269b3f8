package aero.severity.ml.registry;

import aero.severity.ml.serving.MlflowProperties;
import aero.severity.ml.serving.ModelProperties;
import aero.severity.ml.serving.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The model registry of every Spring Boot application with {@code ml} on its class path (the api and
 * the {@code ml} CLI), published as an auto-configuration
 * ({@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}): MLflow
 * when {@code SEVERITY_MLFLOW_URI} is set, otherwise the local folder {@code SEVERITY_MODEL_DIR}
 * (default {@code ./.data/models}); the registered model is {@code SEVERITY_MODEL_NAME} (default
 * {@code accident-severity}). The bean is a {@link ModelRegistry} to the api and a {@link ModelStore}
 * to the training CLI; an application that defines its own {@link ModelStore} keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties({MlflowProperties.class, ModelProperties.class})
public class ModelRegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistryConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(ModelStore.class)
    public ModelStore modelRegistry(MlflowProperties mlflow, ModelProperties model) {
        ModelStore store = mlflow.configured()
                ? new MlflowModelRegistry(mlflow.uri(), model.name(), mlflow.experiment(), mlflow.timeout())
                : new LocalModelRegistry(model.dir(), model.name());
        log.info("model registry: {}", store.describe());
        return store;
    }
}
