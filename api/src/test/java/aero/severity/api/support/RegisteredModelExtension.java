package aero.severity.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import aero.severity.ml.registry.MlflowModelRegistry;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelRegistry;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test class its own registered model in the real MLflow (a fresh name, so no class sees
 * another's versions or prediction-cache entries) with version 1, trained by ml, as champion;
 * classes annotated {@link WithoutChampion} start with nothing registered.
 */
public final class RegisteredModelExtension implements BeforeAllCallback {

    /** The class starts before anything is trained. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface WithoutChampion {}

    private static volatile String name;
    private static volatile MlflowModelRegistry registry;
    private static volatile ModelId champion;

    @Override
    public void beforeAll(ExtensionContext context) {
        String modelName =
                "api-" + context.getRequiredTestClass().getSimpleName().toLowerCase() + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
        MlflowModelRegistry store = RealModels.mlflow(modelName);
        champion = context.getRequiredTestClass().isAnnotationPresent(WithoutChampion.class)
                ? null
                : RealModels.register(store, RealModels.champion(), ModelRegistry.CHAMPION);
        registry = store;
        name = modelName;
    }

    public static String modelName() {
        return name;
    }

    public static MlflowModelRegistry registry() {
        return registry;
    }

    /** The version registered as champion before the class started (null with {@link WithoutChampion}). */
    public static ModelId firstChampion() {
        return champion;
    }
}
