package dev.errand.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.Json;
import dev.errand.protocol.StreamEvent;
import dev.errand.protocol.HealthView;
import dev.errand.sandbox.Availability;
import dev.errand.sandbox.BubblewrapLauncher;
import dev.errand.sandbox.ProcessLauncher;
import dev.errand.sandbox.runc.IdMapping;
import dev.errand.sandbox.runc.RuncLauncher;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.SandboxDriver;
import dev.errand.server.driver.WorkRoot;
import dev.errand.server.driver.oci.OciDriver;
import dev.errand.server.driver.oci.StoreImages;
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
import dev.errand.server.oci.OciImageRoutes;
import dev.errand.server.oci.OciImageService;
import dev.errand.server.oci.OciImageStore;
import dev.errand.server.store.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final Javalin http;
    private final Optional<String> bootstrapKey;
    private final int lost;

    private ErrandServer(Database db, Drivers drivers, ExecutionService executions, Javalin http,
            Optional<String> bootstrapKey, int lost) {
        this.db = db;
        this.drivers = drivers;
        this.executions = executions;
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
        Path dataDir = prepareDataDir(config.dataDir());
        ExecutionDriver driver = driver(config, WorkRoot.choose(dataDir, config.workDir()));
        OciImageStore ociImages = new OciImageStore(dataDir.resolve("images").resolve("oci"), IdMapping.DEFAULT);
        Path ociRoot = WorkRoot.choose(dataDir, null, "oci");
        RuncLauncher runc = new RuncLauncher(ociRoot.resolve("containers"), IdMapping.DEFAULT);
        Availability ociAvailability = runc.availability();
        OciDriver oci = ociAvailability.available()
                ? new OciDriver(runc, new StoreImages(ociImages), ociRoot.resolve("work")) : null;
        Drivers drivers = oci != null ? new Drivers(List.of(driver, oci))
                : new Drivers(List.of(driver), List.of(new HealthView.Component(OciDriver.NAME, false,
                        ociAvailability.detail())));
        Database db = config.databaseUrl() == null ? Database.sqlite(dataDir) : Database.postgres(config.databaseUrl());
        try {
            Clock clock = Clock.systemUTC();
            ObjectMapper json = Json.newMapper();
            IdentityService identity = new IdentityService(db, new JdbiIdentityStore(), clock);
            Optional<String> bootstrapKey = identity.bootstrapAdmin();
            LogService logs = new LogService(db, new JdbiLogStore(), new LogBus());
            ImageCatalog catalog = new ImageCatalog(driver.name());
            OciImageService ociService = new OciImageService(ociImages, catalog,
                    oci != null ? oci::digestsInUse : Set::of, oci != null ? null : ociAvailability.detail());
            ExecutionService executions = new ExecutionService(db, new JdbiExecutionStore(), logs, drivers,
                    catalog, config.executions(), clock);
            int lost = executions.start();
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
                    new OciImageRoutes(ociService, json)::register,
                    new LogRoutes(logs, auth, visibility, json)::register));
            LOG.info("errand server listening on http://{}:{} (store {}, driver {}, data {})", config.http().host(),
                    http.port(), db.dialect().folder(), driver.name(), dataDir);
            if (oci == null) {
                LOG.info("driver oci is not available: {}", ociAvailability.detail());
            }
            return new ErrandServer(db, drivers, executions, http, bootstrapKey, lost);
        } catch (RuntimeException e) {
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

    /** Stops accepting requests, stops running executions ({@code STOPPED}), closes the store. */
    @Override
    public void close() {
        http.stop();
        executions.close();
        drivers.close();
        db.close();
        LOG.info("errand server stopped");
    }
}
