package aero.severity.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names alerts and dashboards may use: prometheus/metrics/api.txt (what the api must
 * export; compared with a real scrape once the api runs in the suite) and exporters.txt.
 */
final class MetricContract {

    private MetricContract() {}

    static Set<String> api() {
        return names("prometheus/metrics/api.txt");
    }

    static Set<String> all() {
        Set<String> all = new TreeSet<>(api());
        all.addAll(names("prometheus/metrics/exporters.txt"));
        return all;
    }

    private static Set<String> names(String file) {
        Set<String> names = new TreeSet<>();
        for (String line : Project.read(file).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }
}
