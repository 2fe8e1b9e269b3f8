package aero.severity.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import aero.severity.testing.RealServices;

/** Runs a project script with the real services' settings in its environment (as an operator would). */
final class ScriptRunner {

    private ScriptRunner() {}

    static ToolRun run(RealServices services, Map<String, String> overrides, String script, String... args) {
        Map<String, String> env = new HashMap<>(services.asProperties());
        env.putAll(overrides);
        List<String> command = new ArrayList<>(List.of(Project.file(script).toString()));
        command.addAll(List.of(args));
        return Tool.BASH.run(Project.root(), env, command);
    }
}
