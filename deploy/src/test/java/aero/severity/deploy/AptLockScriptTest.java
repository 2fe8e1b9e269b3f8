package aero.severity.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/lib/apt-lock.sh, which tools.sh and services.sh run apt-get through: a lock another
 * apt-get holds is waited for, bounded, and said; any other failure is not. The stand-in apt-get
 * answers as apt 2.6 does while the lock is taken, for as many calls as the test says.
 */
class AptLockScriptTest {

    @TempDir
    Path state;

    @Test
    void anInstallWaitsWhileAnotherAptGetHoldsTheLockAndThenSucceeds() throws IOException {
        ToolRun run = aptGet(2, "600");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(calls()).isEqualTo(3);
        assertThat(run.stderr()).contains("waiting for the dpkg/apt lock, held by process 4242 (apt-get)");
        assertThat(Files.readString(state.resolve("apt.log"))).contains("Could not get lock", "installed");
    }

    @Test
    void aLockThatStaysTakenFailsAfterTheTimeoutAndSaysWhy() throws IOException {
        ToolRun run = aptGet(1_000_000, "1");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(100);
        assertThat(run.stderr()).contains("still taken after", "giving up");
        assertThat(calls()).isGreaterThan(1);
    }

    @Test
    void aFailureThatIsNoLockIsNotRetried() throws IOException {
        Files.writeString(state.resolve("broken"), "yes");
        ToolRun run = aptGet(0, "600");
        assertThat(run.exitCode()).isEqualTo(100);
        assertThat(calls()).isEqualTo(1);
        assertThat(run.stderr()).doesNotContain("waiting");
    }

    private ToolRun aptGet(int lockedCalls, String timeoutSeconds) throws IOException {
        Path aptGet = state.resolve("apt-get");
        Files.writeString(aptGet, """
                #!/usr/bin/env bash
                n=$(( $(cat "$STATE/calls" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$STATE/calls"
                if [ -f "$STATE/broken" ]; then echo "E: Unable to locate package nosuch"; exit 100; fi
                if [ "$n" -le "$LOCKED_CALLS" ]; then
                  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
                  echo "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" >&2
                  exit 100
                fi
                echo "installed $*"
                """);
        Files.setPosixFilePermissions(aptGet, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Tool.BASH.run(
                Project.root(),
                Map.of(
                        "STATE",
                        state.toString(),
                        "LOCKED_CALLS",
                        String.valueOf(lockedCalls),
                        "SEVERITY_APT_LOCK_TIMEOUT",
                        timeoutSeconds,
                        "SEVERITY_APT_LOCK_POLL",
                        "0.2"),
                List.of(
                        "-c",
                        ". scripts/lib/apt-lock.sh && run_waiting_for_apt_lock \"$STATE/apt.log\" \"$STATE/apt-get\" install -y jq"));
    }

    private int calls() throws IOException {
        return Integer.parseInt(Files.readString(state.resolve("calls")).trim());
    }
}
