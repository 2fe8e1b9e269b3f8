package aero.severity.api.model;

import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "models", description = "The model serving predictions")
class ModelController {

    private final ChampionModel champion;
    private final ModelServingProperties properties;

    ModelController(ChampionModel champion, ModelServingProperties properties) {
        this.champion = champion;
        this.properties = properties;
    }

    @Operation(summary = "The model version serving predictions now")
    @GetMapping("/current")
    CurrentModel current() {
        return CurrentModel.of(champion.require(), properties.alias());
    }

    @Operation(
            summary = "Look at the registry now and swap in the alias' version if it moved (role ADMIN)",
            description = "503 when the registry cannot be reached or the new version does not load; the previous model"
                    + " keeps serving either way.")
    @PostMapping("/reload")
    ReloadResult reload() {
        Refresh refresh = champion.refresh(true);
        if (!refresh.outcome().success()) {
            throw new ModelRefreshException(refresh);
        }
        LiveModel live = champion.require();
        return new ReloadResult(
                refresh.outcome().name().toLowerCase(Locale.ROOT),
                refresh.message(),
                CurrentModel.of(live, properties.alias()));
    }

    record CurrentModel(
            String name, String version, @Nullable String runId, String alias, Instant loadedAt) {

        static CurrentModel of(LiveModel live, String alias) {
            return new CurrentModel(
                    live.ref().name(), live.ref().version(), live.ref().runId(), alias, live.loadedAt());
        }
    }

    record ReloadResult(String outcome, String message, CurrentModel model) {}
}
