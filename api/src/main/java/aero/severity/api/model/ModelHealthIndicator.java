package aero.severity.api.model;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: an instance without a model cannot answer predictions, so it takes no traffic. */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

    private final ChampionModel champion;

    ModelHealthIndicator(ChampionModel champion) {
        this.champion = champion;
    }

    @Override
    public Health health() {
        LiveModel live = champion.current();
        if (live == null) {
            return Health.outOfService()
                    .withDetail("reason", "no model loaded yet")
                    .build();
        }
        return Health.up()
                .withDetail("name", live.id().name())
                .withDetail("version", live.id().version())
                .withDetail("loadedAt", live.loadedAt().toString())
                .build();
    }
}
