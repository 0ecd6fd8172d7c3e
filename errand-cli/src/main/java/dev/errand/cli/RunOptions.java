package dev.errand.cli;

import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.GitSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that shape an execution, shared by {@code errand run} and {@code errand playbook run}
 * (where they override the playbook). Mixed in with {@code @Mixin}; {@link RunRequest} turns them
 * into a request.
 */
final class RunOptions {
    @Option(names = {"-i", "--image"}, paramLabel = "IMAGE", description = "Image to run in (default: the server's default image).")
    String image;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment variable for the command; repeatable; wins over --env-file.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read KEY=VALUE lines (# comments, optional quotes) as environment variables.")
    Path envFile;

    @Option(names = {"-s", "--secret"}, paramLabel = "NAME", description = "Inject this secret as the variable it declares; repeatable.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--lock", paramLabel = "NAME", description = "Hold this lock while running: one running execution per lock; others queue.")
    String lock;

    @Option(names = "--lock-mode", paramLabel = "MODE", description = "queue (default: wait, showing the queue position) or fail (exit 5 at once if the lock is busy).")
    String lockMode;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Server-enforced limit for the execution: 90s, 10m, 1h, 1h30m or plain seconds (default: the image's, else the server's).")
    Duration timeout;

    @Option(names = "--network", negatable = true, description = "Allow or deny network access (default: the image's setting).")
    Boolean network;

    @Option(names = {"-g", "--git-repo"}, paramLabel = "URL", description = "Clone this repository (shallow) into the work directory before the command starts.")
    String gitRepo;

    @Option(names = {"-r", "--git-ref"}, paramLabel = "REF", description = "Branch or tag to clone (default: the remote's default branch).")
    String gitRef;

    @Option(names = "--git-path", paramLabel = "DIR", description = "Run the command in this directory of the repository.")
    String gitPath;

    @Option(names = "--git-token-secret", paramLabel = "NAME", description = "Secret holding a token for a private repository (sent as the HTTP password only).")
    String gitTokenSecret;

    @Option(names = "--memory", paramLabel = "MIB", description = "Memory limit in MiB (default: the image's).")
    Integer memoryMb;

    @Option(names = "--max-processes", paramLabel = "N", description = "Most processes and threads at once (default: the image's).")
    Integer maxProcesses;

    @Option(names = "--cpu-time", paramLabel = "SECONDS", description = "CPU seconds the execution may use (default: the image's).")
    Integer cpuSeconds;

    @Option(names = "--cpus", paramLabel = "N", description = "vCPUs billed in the cost estimate, such as 0.5 (default: the image's).")
    Double cpus;

    @Option(names = "--output-limit", paramLabel = "BYTES", description = "Store at most this many bytes of output; the rest is cut with a marker line.")
    Long outputBytes;

    /** @return the git source, or null without {@code --git-repo} */
    GitSource git() {
        return gitRepo == null ? null : new GitSource(gitRepo, gitRef, gitPath, gitTokenSecret);
    }

    /** @return the limits, or null when none is given */
    ExecutionLimits limits() {
        if (memoryMb == null && maxProcesses == null && cpuSeconds == null && cpus == null && outputBytes == null) {
            return null;
        }
        return new ExecutionLimits(memoryMb, maxProcesses, cpuSeconds, cpus, outputBytes);
    }
}
