package aero.severity.deploy;

/** What a tool did: its exit code and everything it printed. */
record ToolRun(String command, int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages: the command and its output. */
    String describe() {
        return "`" + command + "` exited " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
