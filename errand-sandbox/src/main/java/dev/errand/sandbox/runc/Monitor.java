package dev.errand.sandbox.runc;

import dev.errand.sandbox.HostCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monitor of one container: a small shell, in its own session, that mounts the container's
 * root filesystem (when overlayfs is used), runs {@code runc run --keep} in the foreground, and
 * writes runc's exit code (the program's, or 128 + signal) to the bundle's {@code exit} file. The
 * program's stdout and stderr go to the bundle's files. Nothing ties the monitor to the JVM, so
 * the container keeps running, and its exit code is kept, while the server restarts. Stateless.
 */
final class Monitor {
    /** Exit code when the root filesystem could not be mounted; the mount error is on stderr. */
    static final int MOUNT_FAILED = 125;
    private static final String SCRIPT = """
            runc=$1 root=$2 bundle=$3 id=$4
            shift 4
            if [ $# -gt 0 ] && ! "$@"; then
              code=125
            else
              "$runc" --root "$root" run --keep --bundle "$bundle" "$id"
              code=$?
            fi
            echo "$code" >"$bundle/exit"
            exit "$code"
            """;

    private Monitor() {}

    /**
     * Starts the monitor and records its pid and start time in the bundle.
     *
     * @param mount the command that mounts the root filesystem, or empty when it needs none
     * @return the monitor process
     * @throws IOException when it cannot be started
     */
    static Process start(Runc runc, Bundle bundle, String id, List<String> mount) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(runc.host().setsid().toString(), runc.host().sh().toString(),
                "-c", SCRIPT, "errand-monitor", runc.host().runc().toString(), runc.stateRoot().toString(),
                bundle.dir.toString(), id));
        cmd.addAll(mount);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(bundle.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(bundle.stderr().toFile()));
        pb.environment().clear();
        pb.environment().put("PATH", HostCommand.PATH);
        Process p = pb.start();
        ProcessHandle h = p.toHandle();
        Files.writeString(bundle.monitorPid(), h.pid() + " " + startMillis(h) + "\n");
        return p;
    }

    /** @return the live monitor recorded in the bundle, empty when it has exited (or its pid was reused) */
    static Optional<ProcessHandle> find(Bundle bundle) {
        try {
            String[] f = Files.readString(bundle.monitorPid()).strip().split(" ");
            long started = Long.parseLong(f[1]);
            return ProcessHandle.of(Long.parseLong(f[0])).filter(ProcessHandle::isAlive)
                    .filter(h -> startMillis(h) == started);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }
}
