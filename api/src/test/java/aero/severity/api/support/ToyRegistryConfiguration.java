package aero.severity.api.support;

import aero.severity.ml.serving.ModelRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The in-memory registry with version 1 as champion. */
@TestConfiguration(proxyBeanMethods = false)
public class ToyRegistryConfiguration {

    @Bean
    @Primary
    InMemoryModelRegistry toyRegistry() {
        InMemoryModelRegistry registry = new InMemoryModelRegistry();
        registry.promote("1");
        return registry;
    }
}
