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
     *
     * @param spec what to run
     * @return the running process, whose group can be killed as a whole
     * @throws IOException when the launcher binary cannot be executed at all
     */
    SandboxProcess start(SandboxSpec spec) throws IOException;
}
