package dev.errand.app;

import dev.errand.protocol.ErrandException;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.execution.ExecutionConfig;
import dev.errand.server.http.HttpSettings;
import dev.errand.server.http.RateLimits;
import dev.errand.server.oci.RegistryConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code errand server}: starts the control plane and runs until SIGTERM or SIGINT, then shuts
 * down gracefully (running executions end {@code STOPPED}). On the first start it creates the
 * admin user; the admin key is written to {@code <data-dir>/admin.key} (0600) and, with
 * {@code --configure-cli}, into the CLI config. The key is never written to the log.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Start the Errand server (control plane) on this machine.",
        footer = {"", "Examples:", "  errand server --configure-cli", "  errand server --port 8080 --data-dir /var/lib/errand",
            "  errand server --database-url postgresql://errand:secret@db:5432/errand",
            "  errand server --insecure-registry registry.lan:5000",
            "  errand server --registry-auth-file /etc/errand/registry-auth.json"})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:ERRAND_HOST:-127.0.0.1}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; env ERRAND_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:ERRAND_PORT:-7878}",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; env ERRAND_PORT).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:ERRAND_DATA_DIR}",
            description = "Data directory: database, work directories, admin key"
                    + " (default: $XDG_DATA_HOME/errand or ~/.local/share/errand; env ERRAND_DATA_DIR).")
    Path dataDir;

    @Option(names = "--database-url", defaultValue = "${env:ERRAND_DATABASE_URL}",
            description = "postgresql://user:password@host:port/db to use PostgreSQL instead of the embedded SQLite"
                    + " (env ERRAND_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--driver", defaultValue = "local",
            description = "Default driver: local (bubblewrap sandbox) or process (NO isolation; needs --insecure).")
    String driver;

    @Option(names = "--work-dir", defaultValue = "${env:ERRAND_WORK_DIR}",
            description = "Where per-execution work directories go (default: <data-dir>/work, or a private"
                    + " /var/tmp/errand-work-* when the server runs as root and the data dir is private).")
    Path workDir;

    @Option(names = "--insecure", description = "Allow the process driver, which runs commands unsandboxed.")
    boolean insecure;

    @Option(names = "--configure-cli",
            description = "On first start, write this server's endpoint and the admin key into the CLI config.")
    boolean configureCli;

    @Option(names = "--max-concurrent", defaultValue = "0",
            description = "Executions running at once; more wait QUEUED (default: 2 x cores, at least 4).")
    int maxConcurrent;

    @Option(names = "--default-timeout", defaultValue = "3600",
            description = "Timeout in seconds for executions that give none (default: ${DEFAULT-VALUE}).")
    int defaultTimeout;

    @Option(names = "--kill-grace", defaultValue = "5",
            description = "Seconds between SIGTERM and SIGKILL when an execution is stopped (default: ${DEFAULT-VALUE}).")
    int killGrace;

    @Option(names = "--rate-limit", defaultValue = "${env:ERRAND_RATE_LIMIT:-100}",
            description = "Requests per second one API key may sustain, with bursts of three times that; more get 429"
                    + " (default: ${DEFAULT-VALUE}; env ERRAND_RATE_LIMIT).")
    int rateLimit;

    @picocli.CommandLine.Mixin
    RunbookServerOptions runbooks;

    @picocli.CommandLine.Mixin
    RegistryServerOptions registries;

    private final Map<String, String> env;
    private final BiConsumer<String, String> cliConfigWriter;

    /**
     * @param env the process environment
     * @param cliConfigWriter writes (endpoint, api key) into the CLI config, for {@code --configure-cli}
     */
    public ServerCommand(Map<String, String> env, BiConsumer<String, String> cliConfigWriter) {
        this.env = env;
        this.cliConfigWriter = cliConfigWriter;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ErrandServer server = ErrandServer.start(config());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        String endpoint = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port();
        err.println("errand server ready at " + endpoint + " (data: " + dataDir() + ")");
        if (server.lostOnStart() > 0) {
            err.println("marked " + server.lostOnStart() + " execution(s) LOST: they were running when the server stopped");
        }
        if (server.bootstrapKey().isPresent()) {
            Path keyFile = writeKeyFile(server.bootstrapKey().get());
            err.println("created the admin user admin@localhost; its API key is in " + keyFile + " (mode 0600)");
            if (configureCli) {
                cliConfigWriter.accept(endpoint, server.bootstrapKey().get());
                err.println("configured the CLI to use " + endpoint + " with the admin key");
            } else {
                err.println("configure the CLI with: errand configure --endpoint " + endpoint + " --api-key-stdin < " + keyFile);
            }
        }
        err.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig config() {
        if (rateLimit < 1 || rateLimit > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--rate-limit must be between 1 and 1000000, got " + rateLimit);
        }
        ExecutionConfig d = ExecutionConfig.defaults();
        ExecutionConfig executions = new ExecutionConfig(maxConcurrent > 0 ? maxConcurrent : d.maxConcurrent(),
                defaultTimeout, d.maxTimeoutSeconds(), Duration.ofSeconds(killGrace));
        return new ServerConfig(new HttpSettings(host, port, 8L * 1024 * 1024, RateLimits.perKey(rateLimit)), dataDir(),
                blankToNull(databaseUrl), driver, insecure, executions, workDir, runbooks.config(), registryConfig());
    }

    private RegistryConfig registryConfig() {
        try {
            return registries.config();
        } catch (ErrandException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Path dataDir() {
        return dataDir != null ? dataDir : ServerConfig.defaultDataDir(env);
    }

    private Path writeKeyFile(String key) throws IOException {
        Path file = dataDir().resolve("admin.key");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
