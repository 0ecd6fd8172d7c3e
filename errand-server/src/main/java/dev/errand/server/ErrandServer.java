package dev.errand.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.Json;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.audit.AuditLog;
import dev.errand.server.audit.AuditRecorder;
import dev.errand.server.audit.AuditRoutes;
import dev.errand.server.audit.JdbiAuditStore;
import dev.errand.server.audit.RequestLogBuffer;
import dev.errand.server.audit.ResourceLookup;
import dev.errand.server.audit.TraceService;
import dev.errand.server.config.RunbookConfig;
import dev.errand.server.code.CodeConfig;
import dev.errand.server.code.CodeFeature;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.WorkRoot;
import dev.errand.server.execution.Execution;
import dev.errand.server.execution.ExecutionRoutes;
import dev.errand.server.execution.ExecutionService;
import dev.errand.server.execution.JdbiExecutionStore;
import dev.errand.server.execution.Runbooks;
import dev.errand.server.health.HealthRoutes;
import dev.errand.server.http.Authenticator;
import dev.errand.server.http.HttpApi;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.JdbiClaimTokenStore;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.KeyRoutes;
import dev.errand.server.identity.KeyService;
import dev.errand.server.identity.UserRoutes;
import dev.errand.server.identity.UserService;
import dev.errand.server.image.ImageBuilder;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.image.ImageRoutes;
import dev.errand.server.image.ImageService;
import dev.errand.server.image.JdbiImageStore;
import dev.errand.server.lock.JdbiLockStore;
import dev.errand.server.lock.LockRoutes;
import dev.errand.server.lock.LockService;
import dev.errand.server.logs.JdbiLogStore;
import dev.errand.server.logs.LogBus;
import dev.errand.server.logs.LogRoutes;
import dev.errand.server.logs.LogService;
import dev.errand.server.oci.OciImageRoutes;
import dev.errand.server.oci.OciImageService;
import dev.errand.server.playbook.PlaybookRoutes;
import dev.errand.server.playbook.PlaybookService;
import dev.errand.server.secret.JdbiSecretStore;
import dev.errand.server.secret.MasterKey;
import dev.errand.server.secret.SecretRoutes;
import dev.errand.server.secret.SecretService;
import dev.errand.server.store.Database;
import dev.errand.server.usage.JdbiUsageStore;
import dev.errand.server.usage.UsageRoutes;
import dev.errand.server.usage.UsageService;
import dev.errand.server.web.JdbiSessionStore;
import dev.errand.server.web.SessionCookies;
import dev.errand.server.web.SessionRoutes;
import dev.errand.server.web.SessionService;
import dev.errand.server.web.WebAssets;
import dev.errand.server.web.WebRoutes;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    private final AuditLog audit;
    private final RequestLogBuffer requestLogs;
    private final CodeFeature code;
    private final Javalin http;
    private final Optional<String> bootstrapKey;
    private final int lost;

    private ErrandServer(Database db, Drivers drivers, ExecutionService executions, AuditLog audit,
            RequestLogBuffer requestLogs, CodeFeature code, Javalin http, Optional<String> bootstrapKey, int lost) {
        this.db = db;
        this.drivers = drivers;
        this.executions = executions;
        this.audit = audit;
        this.requestLogs = requestLogs;
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
        DriverSetup setup = DriverSetup.create(config, dataDir);
        ExecutionDriver driver = setup.primary();
        Drivers drivers = setup.drivers();
        Database db = config.databaseUrl() == null ? Database.sqlite(dataDir) : Database.postgres(config.databaseUrl());
        RequestLogBuffer requestLogs = RequestLogBuffer.attach(20_000);
        AuditLog audit = new AuditLog(db, new JdbiAuditStore());
        CodeFeature code = null;
        try {
            Clock clock = Clock.systemUTC();
            ObjectMapper json = Json.newMapper();
            AccessPolicy policy = AccessPolicy.standard();
            JdbiIdentityStore identityStore = new JdbiIdentityStore();
            IdentityService identity = new IdentityService(db, identityStore, clock);
            Optional<String> bootstrapKey = identity.bootstrapAdmin();
            UserService users = new UserService(db, identityStore, new JdbiClaimTokenStore(), identity, policy, clock);
            KeyService keys = new KeyService(db, identityStore, identity, policy, clock);
            LogService logs = new LogService(db, new JdbiLogStore(), new LogBus());
            RunbookConfig runbookConfig = config.runbooks();
            Path keyFile = runbookConfig.masterKeyFile() != null ? runbookConfig.masterKeyFile()
                    : dataDir.resolve("master-key.json");
            SecretService secrets = new SecretService(db, new JdbiSecretStore(), MasterKey.loadOrCreate(keyFile), clock);
            JdbiLockStore lockStore = new JdbiLockStore();
            Runbooks runbooks = new Runbooks(secrets, lockStore, runbookConfig.rates(), runbookConfig.outputCapBytes(),
                    runbookConfig.allowFileGitUrls());
            JdbiImageStore imageStore = new JdbiImageStore();
            ImageCatalog catalog = new ImageCatalog(db, imageStore, driver.name());
            ImageService images = new ImageService(db, imageStore, drivers.names(), driver.name(),
                    new ImageBuilder(WorkRoot.choose(dataDir, runbookConfig.imageDir(), "images")),
                    config.executions().maxTimeoutSeconds(), clock);
            ExecutionService executions = new ExecutionService(db, new JdbiExecutionStore(), logs, drivers,
                    catalog, config.executions(), runbooks, clock, policy);
            OciImageService ociService = setup.ociService();
            images.ociImages(setup.oci() != null ? ociService : null);
            int lost = executions.start();
            TraceService traces = new TraceService(audit, requestLogs, new ResourceLookup(Map.of(
                    "execution", (caller, id) -> summary(executions.get(caller, id)),
                    "user", users::describe,
                    "key", keys::describe)), policy);
            code = CodeFeature.start(db, codeConfig, json, clock);
            SessionService sessions = new SessionService(db, new JdbiSessionStore(), clock,
                    SessionService.IDLE_TIMEOUT, SessionService.LIFETIME, policy);
            Authenticator auth = new Authenticator(identity, policy, config.http().limits(),
                    new SessionCookies(sessions)::keyFor);
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
            Javalin http = HttpApi.start(config.http(), json, auth, new AuditRecorder(audit), List.of(
                    new HealthRoutes(db, drivers)::register,
                    new ExecutionRoutes(executions, json)::register,
                    new PlaybookRoutes(new PlaybookService(), json)::register,
                    new LogRoutes(logs, auth, visibility, json)::register,
                    new UserRoutes(users, json, clock)::register,
                    new KeyRoutes(keys, json, clock)::register,
                    new AuditRoutes(audit, traces, json)::register,
                    new SecretRoutes(secrets, json)::register,
                    new ImageRoutes(images, json)::register,
                    new OciImageRoutes(images, ociService, json)::register,
                    new UsageRoutes(new UsageService(db, new JdbiUsageStore(), clock))::register,
                    new LockRoutes(new LockService(db, lockStore), json)::register,
                    new SessionRoutes(sessions)::register,
                    new WebRoutes(WebAssets.packaged())::register,
                    code.routes()::register));
            LOG.info("errand server listening on http://{}:{} (store {}, driver {}, data {})", config.http().host(),
                    http.port(), db.dialect().folder(), driver.name(), dataDir);
            return new ErrandServer(db, drivers, executions, audit, requestLogs, code, http, bootstrapKey, lost);
        } catch (RuntimeException e) {
            if (code != null) {
                code.close();
            }
            audit.close();
            requestLogs.close();
            db.close();
            drivers.close();
            throw e;
        }
    }

    private static String summary(Execution e) {
        return e.status() + (e.exitCode() == null ? "" : " (exit " + e.exitCode() + ")") + ", " + e.userEmail() + ": "
                + (e.command().length() > 60 ? e.command().substring(0, 60) + "…" : e.command());
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
        audit.close();
        requestLogs.close();
        drivers.close();
        db.close();
        LOG.info("errand server stopped");
    }
}
