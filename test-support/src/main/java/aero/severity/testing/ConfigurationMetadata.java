package aero.severity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code spring-boot-configuration-processor} wrote: for a module's package, every
 * {@code @ConfigurationProperties} type against the groups and properties of the
 * {@code META-INF/spring-configuration-metadata.json} files on the classpath.
 */
public final class ConfigurationMetadata {

    private ConfigurationMetadata() {}

    /**
     * Returns, per settings type under {@code basePackage} (by class name), what is missing from the
     * metadata (empty when it describes the type's prefix with at least one typed property).
     */
    public static Map<String, String> gaps(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<JsonNode> files = metadataFiles();
        Map<String, String> gaps = new TreeMap<>();
        var candidates = scanner.findCandidateComponents(basePackage);
        if (candidates.isEmpty()) {
            gaps.put(basePackage, "no @ConfigurationProperties type found to check");
        }
        for (BeanDefinition candidate : candidates) {
            String type = candidate.getBeanClassName();
            ConfigurationProperties annotation;
            try {
                annotation = Class.forName(type).getAnnotation(ConfigurationProperties.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(type, e);
            }
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            boolean group = false;
            int typed = 0;
            for (JsonNode file : files) {
                for (JsonNode g : file.path("groups")) {
                    group |= prefix.equals(g.path("name").asString())
                            && type.equals(g.path("sourceType").asString());
                }
                for (JsonNode p : file.path("properties")) {
                    if (type.equals(p.path("sourceType").asString())
                            && p.path("name").asString().startsWith(prefix + ".")
                            && !p.path("type").asString("").isEmpty()) {
                        typed++;
                    }
                }
            }
            if (!group || typed == 0) {
                gaps.put(type, (group ? "" : "no group '" + prefix + "'; ") + typed + " typed properties");
            }
        }
        return gaps;
    }

    private static List<JsonNode> metadataFiles() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> files = new ArrayList<>();
        try {
            Enumeration<URL> urls = ConfigurationMetadata.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    files.add(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
