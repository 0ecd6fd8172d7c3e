package dev.errand.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.Json;
import dev.errand.protocol.StreamEvent;
import dev.errand.sandbox.BubblewrapLauncher;
import dev.errand.sandbox.ProcessLauncher;
import dev.errand.server.code.CodeConfig;
import dev.errand.server.code.CodeFeature;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.SandboxDriver;
import dev.errand.server.driver.WorkRoot;
import dev.errand.server.execution.ExecutionRoutes;
import dev.errand.server.execution.ExecutionService;
import dev.errand.server.execution.JdbiExecutionStore;
import dev.errand.server.health.HealthRoutes;
import dev.errand.server.http.Authenticator;
import dev.errand.server.http.HttpApi;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.logs.JdbiLogStore;
import dev.errand.server.logs.LogBus;
import dev.errand.server.logs.LogRoutes;
import dev.errand.server.logs.LogService;
import dev.errand.server.store.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the control plane: builds every part by hand, in order (config →
 * store → services → drivers → routes → HTTP), and closes them in reverse. Start one with
 * {@link #start(ServerConfig)}; tests start it on port 0 with a temporary data directory.
 */
public final class ErrandServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ErrandServer.class);
    private final Database db;
    private final Drivers drivers;
    private final ExecutionService executions;
    private final CodeFeature code;
    private final Javalin http;
    private final Optional<String> bootstrapKey;
    private final int lost;

    private ErrandServer(Database db, Drivers drivers, ExecutionService executions, CodeFeature code, Javalin http,
            Optional<String> bootstrapKey, int lost) {
        this.db = db;
        this.drivers = drivers;
        this.executions = executions;
        this.code = code;
        this.http = http;
        this.bootstrapKey = bootstrapKey;
        this.lost = lost;
    }

    /**
     * Starts a server.
     *
     * @param config the configuration
     * @return the running server
     * @throws ErrandException {@code unavailable} when the chosen driver cannot work on this host
     *     (the message says how to fix it), or {@code invalid_request} for an unsafe choice
     * @throws IOException when the data directory cannot be created
     */
    public static ErrandServer start(ServerConfig config) throws IOException {
        return start(config, CodeConfig.fromEnvironment(config.dataDir(), System.getenv()));
    }

    /**
     * Starts a server with explicit code execution settings (tests and benchmarks).
     *
     * @param config the configuration
     * @param codeConfig the code execution settings
     * @return the running server
     * @throws ErrandException as {@link #start(ServerConfig)}
     * @throws IOException when the data directory cannot be created
     */
    public static ErrandServer start(ServerConfig config, CodeConfig codeConfig) throws IOException {
        Path dataDir = prepareDataDir(config.dataDir());
        ExecutionDriver driver = driver(config, WorkRoot.choose(dataDir, config.workDir()));
        Drivers drivers = new Drivers(List.of(driver));
        Database db = config.databaseUrl() == null ? Database.sqlite(dataDir) : Database.postgres(config.databaseUrl());
        CodeFeature code = null;
        try {
            Clock clock = Clock.systemUTC();
            ObjectMapper json = Json.newMapper();
            IdentityService identity = new IdentityService(db, new JdbiIdentityStore(), clock);
            Optional<String> bootstrapKey = identity.bootstrapAdmin();
            LogService logs = new LogService(db, new JdbiLogStore(), new LogBus());
            ExecutionService executions = new ExecutionService(db, new JdbiExecutionStore(), logs, drivers,
                    new ImageCatalog(driver.name()), config.executions(), clock);
            int lost = executions.start();
            code = CodeFeature.start(db, codeConfig, json, clock);
            Authenticator auth = new Authenticator(identity);
            LogRoutes.Visibility visibility = new LogRoutes.Visibility() {
                @Override
                public boolean check(dev.errand.server.identity.Principal caller, String id) {
                    return executions.get(caller, id).status().terminal();
                }

                @Override
                public Optional<StreamEvent.Status> terminalStatus(String id) {
                    return executions.terminalStatus(id);
                }
            };
            Javalin http = HttpApi.start(config.http(), json, auth, List.of(
                    new HealthRoutes(db, drivers)::register,
                    new ExecutionRoutes(executions, json)::register,
                    new LogRoutes(logs, auth, visibility, json)::register,
                    code.routes()::register));
            LOG.info("errand server listening on http://{}:{} (store {}, driver {}, data {})", config.http().host(),
                    http.port(), db.dialect().folder(), driver.name(), dataDir);
            return new ErrandServer(db, drivers, executions, code, http, bootstrapKey, lost);
        } catch (RuntimeException e) {
            if (code != null) {
                code.close();
            }
            db.close();
            drivers.close();
            throw e;
        }
    }

    private static Path prepareDataDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; nothing more to tighten.
            }
        }
        return dir;
    }

    private static ExecutionDriver driver(ServerConfig config, Path workRoot) {
        return switch (config.driver()) {
            case "local" -> {
                BubblewrapLauncher bwrap = new BubblewrapLauncher();
                var availability = bwrap.availability();
                if (!availability.available()) {
                    throw new ErrandException(ErrorCode.UNAVAILABLE, availability.detail()
                            + ". Errand will not run commands unsandboxed unless started with"
                            + " '--driver process --insecure'.");
                }
                yield new SandboxDriver("local", bwrap, workRoot, false);
            }
            case "process" -> {
                if (!config.insecure()) {
                    throw ErrandException.invalid("the process driver runs commands with NO isolation, as the"
                            + " server's user; add --insecure to confirm you want that");
                }
                LOG.warn("driver 'process' (--insecure): commands run WITHOUT a sandbox");
                yield new SandboxDriver("process", new ProcessLauncher(), workRoot, true);
            }
            default -> throw ErrandException.invalid("unknown driver '" + config.driver() + "': use local or process");
        };
    }

    /** @return the bound HTTP port */
    public int port() {
        return http.port();
    }

    /** @return the admin key created on this first start (shown once), or empty */
    public Optional<String> bootstrapKey() {
        return bootstrapKey;
    }

    /** @return how many executions this start marked {@code LOST} */
    public int lostOnStart() {
        return lost;
    }

    /** @return the store (tests and benchmarks inspect it) */
    public Database database() {
        return db;
    }

    /** @return the code execution feature (benchmarks call its service directly) */
    public CodeFeature code() {
        return code;
    }

    /** Stops accepting requests, stops running executions ({@code STOPPED}) and code runs, closes the store. */
    @Override
    public void close() {
        http.stop();
        code.close();
        executions.close();
        drivers.close();
        db.close();
        LOG.info("errand server stopped");
    }
}
