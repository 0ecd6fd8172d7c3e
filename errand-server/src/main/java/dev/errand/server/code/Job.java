package dev.errand.server.code;

import dev.errand.server.identity.Principal;
import java.time.Instant;
import java.util.List;

/**
 * One validated run: everything {@link CodeRunner} needs, nothing it must check again.
 *
 * @param id the run's id ({@code ex_...})
 * @param caller who asked
 * @param requestId the HTTP request that asked
 * @param language the language
 * @param version the language's version (as installed when known)
 * @param files the source files, the main one first
 * @param stdin the program's standard input
 * @param args arguments appended to the run command
 * @param timeoutMs the run's wall-clock limit in ms
 * @param memoryMb the program's memory limit in MiB
 * @param network whether the sandbox shares the host's network
 * @param createdAt when the request was accepted
 */
record Job(String id, Principal caller, String requestId, Language language, String version,
        List<SourceFile> files, byte[] stdin, List<String> args, int timeoutMs, int memoryMb, boolean network,
        Instant createdAt) {
    Job {
        files = List.copyOf(files);
        args = List.copyOf(args);
    }

    /** @return the main file's name: the first file */
    String mainFile() {
        return files.getFirst().name();
    }
}
