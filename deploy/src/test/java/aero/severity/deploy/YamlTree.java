package aero.severity.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A parsed YAML (or JSON) document with path navigation: {@code tree.at("spec.template.spec")}.
 * Rendered Kubernetes objects, compose files, workflows, rules and dashboards are checked as data,
 * not grepped as text.
 */
record YamlTree(Object value) {

    static List<YamlTree> parseAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        // The API server refuses a manifest that repeats a key (strict field validation); so do we.
        options.setAllowDuplicateKeys(false);
        List<YamlTree> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(text)) {
            if (document != null) {
                documents.add(new YamlTree(document));
            }
        }
        return documents;
    }

    static YamlTree parse(String text) {
        List<YamlTree> all = parseAll(text);
        if (all.size() != 1) {
            throw new AssertionError("expected one YAML document, found " + all.size());
        }
        return all.get(0);
    }

    /** Dotted path; a segment that is a number indexes a list. Missing -> an absent tree. */
    YamlTree at(String path) {
        Object current = value;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                current = null;
            }
        }
        return new YamlTree(current);
    }

    /** A map key that contains dots (labels like severity.aero/color). */
    YamlTree key(String key) {
        return new YamlTree(value instanceof Map<?, ?> map ? map.get(key) : null);
    }

    boolean exists() {
        return value != null;
    }

    String text() {
        if (value == null) {
            throw new AssertionError("expected a value, found nothing");
        }
        return String.valueOf(value);
    }

    List<YamlTree> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError("expected a list, found " + value);
        }
        return list.stream().map(YamlTree::new).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a map, found " + value);
        }
        return (Map<String, Object>) value;
    }

    String kind() {
        return Objects.toString(at("kind").value, "");
    }

    String name() {
        return Objects.toString(at("metadata.name").value, "");
    }
}
