package dev.errand.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * <b>INSECURE: isolates nothing.</b> The explicit fallback for hosts without bubblewrap, enabled
 * only by {@code --driver process --insecure}. The program runs directly on the host, as the
 * server's own user (root, if the server is root), and sees and can change everything that user
 * can: every file, every process, the network, the server's own data and keys. Never use it for
 * code you would not run yourself.
 *
 * <p>What it does do: runs {@code setsid prlimit --core=0 [limits] -- ARGV} in the work dir with
 * exactly the spec's environment and {@code /dev/null} as stdin, so the program gets its own
 * session and process group, which {@link SandboxProcess#kill} signals as a whole and which is
 * killed when the program exits. A process that leaves the group escapes. {@code network} and
 * {@code hostname} are ignored. Thread-safe and stateless.
 */
public final class ProcessLauncher implements SandboxLauncher {

    @Override
    public String name() {
        return "process";
    }

    /** @return available when util-linux {@code setsid} and {@code prlimit} and a {@code kill} exist */
    @Override
    public Availability availability() {
        try {
            Executables.require("setsid", "util-linux");
            Executables.require("prlimit", "util-linux");
            Executables.require("kill", "procps");
            return Availability.ok("process (INSECURE: no isolation at all)");
        } catch (IOException e) {
            return Availability.missing(e.getMessage());
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException when a required host program is missing, the work dir is not a directory,
     *     or the program cannot be started
     */
    @Override
    public SandboxProcess start(SandboxSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Path setsid = Executables.require("setsid", "util-linux");
        Path prlimit = Executables.require("prlimit", "util-linux");
        Path kill = Executables.require("kill", "procps");
        WorkDir.prepare(spec.workDir(), false);
        if (spec.rootfs() != null) {
            throw new IOException("the process launcher runs on the host's own files and cannot use a root file"
                    + " system image; use the local (bubblewrap) driver for image " + spec.rootfs());
        }
        File start = spec.workDir().toFile();
        if (spec.startDir().startsWith(SandboxSpec.SANDBOX_WORK_DIR + "/")) {
            start = spec.workDir().resolve(spec.startDir().substring(SandboxSpec.SANDBOX_WORK_DIR.length() + 1)).toFile();
        }
        List<String> command = new ArrayList<>(List.of(setsid.toString()));
        command.addAll(Prlimit.prefix(prlimit, spec.limits()));
        command.addAll(spec.argv());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(start)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(spec.env());
        Process process = pb.start();
        return new GroupProcess(process, new GroupSignals(process.pid(), kill));
    }
}
