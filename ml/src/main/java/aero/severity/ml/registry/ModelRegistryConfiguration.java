package aero.severity.ml.serving;

import aero.severity.ml.registry.LocalModelRegistry;
import aero.severity.ml.registry.MlflowModelRegistry;
import aero.severity.ml.registry.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model registry for an application that imports this configuration
 * ({@code @Import(ModelRegistryConfiguration.class)}): MLflow when {@code SEVERITY_MLFLOW_URI} is
 * set, otherwise the local folder {@code SEVERITY_MODEL_DIR} (default {@code ./.data/models}); the
 * registered model is {@code SEVERITY_MODEL_NAME} (default {@code accident-severity}). The
 * bean is a {@link ModelRegistry}; the training CLI uses its wider {@link ModelStore} face.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MlflowProperties.class, ModelProperties.class})
public class ModelRegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistryConfiguration.class);

    @Bean
    public ModelStore modelRegistry(MlflowProperties mlflow, ModelProperties model) {
        ModelStore store = mlflow.configured()
                ? new MlflowModelRegistry(mlflow.uri(), model.name(), mlflow.experiment(), mlflow.timeout())
                : new LocalModelRegistry(model.dir(), model.name());
        log.info("model registry: {}", store.describe());
        return store;
    }
}
