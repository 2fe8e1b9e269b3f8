package aero.severity.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Helm chart rendered by the real helm for one environment, as parsed objects. */
record RenderedChart(String environment, List<YamlTree> objects) {

    static final String RELEASE = "severity";

    static RenderedChart render(String environment, String... sets) {
        List<String> args = new ArrayList<>(List.of(
                "template",
                RELEASE,
                "deploy/helm",
                "--namespace",
                "severity-" + environment,
                "-f",
                "deploy/helm/values-" + environment + ".yaml"));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        ToolRun run = Tool.HELM.run(Project.root(), Map.of(), args);
        if (!run.succeeded()) {
            throw new AssertionError("helm template failed for " + environment + ": " + run.describe());
        }
        return new RenderedChart(environment, YamlTree.parseAll(run.stdout()));
    }

    Stream<YamlTree> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind));
    }

    YamlTree one(String kind, String name) {
        List<YamlTree> found = ofKind(kind).filter(o -> o.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + " in " + environment + ", found "
                    + found.size() + " (have: "
                    + objects.stream().map(o -> o.kind() + "/" + o.name()).toList() + ")");
        }
        return found.get(0);
    }

    /** Pod specs of every workload: Deployments, the CronJob's job template, Jobs and test Pods. */
    Stream<YamlTree> podSpecs() {
        return objects.stream().flatMap(o -> switch (o.kind()) {
            case "Deployment", "Job" -> Stream.of(o.at("spec.template.spec"));
            case "CronJob" -> Stream.of(o.at("spec.jobTemplate.spec.template.spec"));
            case "Pod" -> Stream.of(o.at("spec"));
            default -> Stream.empty();
        });
    }
}
