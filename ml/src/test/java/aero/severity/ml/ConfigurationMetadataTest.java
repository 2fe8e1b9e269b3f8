package aero.severity.ml;

import aero.severity.testing.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every settings record of this module is in the metadata the configuration processor writes. */
class ConfigurationMetadataTest {

    @Test
    void everyConfigurationPropertiesTypeIsDescribedWithItsPrefixAndTypedProperties() {
        assertThat(ConfigurationMetadata.gaps("aero.severity.ml")).isEmpty();
    }
}
