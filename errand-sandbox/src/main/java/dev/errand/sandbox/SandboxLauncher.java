package dev.errand.sandbox;

import java.io.IOException;

/**
 * Starts sandboxed processes on this host. Implementations are thread-safe: one launcher
 * serves every execution concurrently.
 */
public interface SandboxLauncher {

    /** @return the launcher's short name, such as {@code bubblewrap} or {@code process} */
    String name();

    /** @return whether this launcher works on this host, and if not, how to fix it */
    Availability availability();

    /**
     * Starts the program described by {@code spec}. Returns once the process exists; its output
     * must then be read from {@link SandboxProcess#stdout()} and {@link SandboxProcess#stderr()}.
     * A program that cannot be executed inside the sandbox is not an exception: it exits with 127
     * (or 126) and says why on stderr, like a shell.
     *
     * @param spec what to run
     * @return the running process, whose group can be killed as a whole
     * @throws IOException when the launcher cannot run sandboxes on this host (the message says why
     *     and how to fix it), the work dir is unusable, or the launcher binary cannot be executed
     */
    SandboxProcess start(SandboxSpec spec) throws IOException;
}
