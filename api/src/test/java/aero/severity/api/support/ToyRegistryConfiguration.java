package aero.severity.api.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The in-memory registry, with version {@code toy.initial-champion} (default 1) as champion; an
 * empty value starts with nothing registered.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ToyRegistryConfiguration {

    @Bean
    @Primary
    InMemoryModelRegistry toyRegistry(@Value("${toy.initial-champion:1}") String initialChampion) {
        InMemoryModelRegistry registry = new InMemoryModelRegistry();
        if (!initialChampion.isBlank()) {
            registry.promote(initialChampion);
        }
        return registry;
    }
}
