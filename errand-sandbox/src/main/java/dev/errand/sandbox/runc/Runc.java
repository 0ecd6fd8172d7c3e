package dev.errand.sandbox.runc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.sandbox.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runc commands the launcher runs against one state directory ({@code runc --root}): signal,
 * delete, and reading a container's cgroup paths from runc's state. Thread-safe.
 *
 * @param host the host facts (runc's path, the cgroup layout)
 * @param stateRoot runc's state directory, private to this launcher
 */
record Runc(RuncHost host, Path stateRoot) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** @return true once runc has created the container (its state file exists) */
    boolean created(String id) {
        return Files.exists(stateFile(id));
    }

    /**
     * Sends a signal; a container that does not exist (any more) is not an error.
     *
     * @param signal {@code TERM} or {@code KILL}
     * @param all true for every process in the container, false for its init only (whose death
     *     ends every other process of its pid namespace)
     */
    void kill(String id, String signal, boolean all) {
        try {
            HostCommand.run(all ? List.of(runc(), "--root", stateRoot.toString(), "kill", "--all", id, signal)
                    : List.of(runc(), "--root", stateRoot.toString(), "kill", id, signal), TIMEOUT);
        } catch (IOException e) {
            // the monitor's exit, awaited by the caller, says whether the container is gone
        }
    }

    /** Deletes the container's runc state and cgroups, killing whatever still runs in it. */
    void delete(String id) {
        try {
            HostCommand.run(List.of(runc(), "--root", stateRoot.toString(), "delete", "--force", id), TIMEOUT);
        } catch (IOException e) {
            // nothing to delete, or runc is gone; the state directory is private and small
        }
    }

    /** @return what the container used, read from its cgroups; zeros when runc has no state for it */
    ContainerUsage usage(String id) {
        Map<String, String> paths = new LinkedHashMap<>();
        try {
            JsonNode state = JSON.readTree(stateFile(id).toFile());
            state.path("cgroup_paths").properties().forEach(e -> paths.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            return new ContainerUsage(0, 0, false);
        }
        return host.cgroups().usage(paths);
    }

    private Path stateFile(String id) {
        return stateRoot.resolve(id).resolve("state.json");
    }

    private String runc() {
        return host.runc().toString();
    }
}
