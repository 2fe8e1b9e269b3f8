package aero.severity.ml.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;
import aero.severity.ml.training.ModelTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalModelRegistryTest {

    @TempDir
    Path root;

    @Test
    void anEmptyFolderHasNoChampionYet() {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");

        assertThat(registry.findByAlias(ModelRegistry.CHAMPION)).isEmpty();
    }

    @Test
    void theFirstModelBecomesChampionAndAWorseOneStaysChallengerWithItsReasonRecorded() throws Exception {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");
        TrainAndRegister pipeline = new TrainAndRegister(registry, new ModelTrainer());

        TrainAndRegister.Result first = pipeline.run(TrainedModels.DATA, TrainedModels.good(), line -> {});
        TrainAndRegister.Result second = pipeline.run(TrainedModels.DATA, TrainedModels.weak(), line -> {});

        assertThat(first.version().version()).isEqualTo("1");
        assertThat(first.decision().promote()).isTrue();
        assertThat(second.version().version()).isEqualTo("2");
        assertThat(second.decision().promote()).isFalse();
        assertThat(second.decision().reason()).startsWith("stays challenger").contains("macro-F1");
        assertThat(registry.findByAlias(ModelRegistry.CHAMPION)).contains(new ModelId("accident-severity", "1", null));
        assertThat(registry.findByAlias(ModelRegistry.CHALLENGER))
                .contains(new ModelId("accident-severity", "2", null));
        String promotion =
                Files.readString(registry.versionDir(second.version()).resolve("promotion.json"));
        assertThat(promotion).contains("\"decision\" : \"challenger\"", "stays challenger");
    }

    @Test
    void aBetterModelReplacesTheChampion() {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");
        TrainAndRegister pipeline = new TrainAndRegister(registry, new ModelTrainer());

        pipeline.run(TrainedModels.DATA, TrainedModels.weak(), line -> {});
        TrainAndRegister.Result better = pipeline.run(TrainedModels.DATA, TrainedModels.good(), line -> {});

        assertThat(better.decision().promote()).as(better.decision().reason()).isTrue();
        assertThat(better.decision().reason()).startsWith("beats the champion");
        assertThat(registry.findByAlias(ModelRegistry.CHAMPION).orElseThrow().version())
                .isEqualTo("2");
    }

    @Test
    void theChampionLoadsBackWithTheProbabilitiesItHadBeforeSaving() {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");
        ModelTrainer.Outcome outcome = new ModelTrainer().train(TrainedModels.DATA, TrainedModels.good(), line -> {});
        ModelId id = registry.register(outcome.bundle(), new RunRecord(Map.of("a", "b"), Map.of("m", 1.0), Map.of()));
        registry.setAlias(ModelRegistry.CHAMPION, id);

        SeverityModel loaded =
                registry.load(registry.findByAlias(ModelRegistry.CHAMPION).orElseThrow());
        SeverityModel original = outcome.bundle().toModel(id);

        assertThat(loaded.id()).isEqualTo(id);
        for (LabelledEvent probe : TrainedModels.PROBES) {
            assertThat(loaded.probabilities(loaded.encoder().encode(probe.facts())))
                    .containsExactly(original.probabilities(original.encoder().encode(probe.facts())));
        }
        assertThat(registry.versionDir(id).resolve(ModelBundle.CONFUSION_PNG)).exists();
        assertThat(registry.versionDir(id).resolve("run.json")).content().contains("\"a\" : \"b\"");
    }

    @Test
    void aMissingVersionIsAModelLoadException() {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");

        assertThatThrownBy(() -> registry.load(new ModelId("accident-severity", "7", null)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("no version 7");
        assertThatThrownBy(() -> registry.load(new ModelId("accident-severity", "../etc", null)))
                .isInstanceOf(ModelLoadException.class);
    }

    @Test
    void anAliasCannotPointAtAVersionThatDoesNotExist() {
        LocalModelRegistry registry = new LocalModelRegistry(root, "accident-severity");

        assertThatThrownBy(() -> registry.setAlias(ModelRegistry.CHAMPION, new ModelId("accident-severity", "3", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
