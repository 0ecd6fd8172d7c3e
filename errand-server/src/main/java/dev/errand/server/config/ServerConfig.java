package dev.errand.server.config;

import dev.errand.server.execution.ExecutionConfig;
import dev.errand.server.http.HttpSettings;
import dev.errand.server.oci.RegistryConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the server is started with.
 *
 * @param http where the API listens
 * @param dataDir the data directory (SQLite database, work directories)
 * @param databaseUrl a {@code postgresql://} URL, or null for the embedded SQLite store
 * @param driver the default driver: {@code local} (bubblewrap) or {@code process}
 * @param insecure required to enable the {@code process} driver, which isolates nothing
 * @param executions execution limits and capacity
 * @param workDir where per-execution work directories go, or null to choose (see {@code WorkRoot})
 * @param runbooks secrets, images, limits and cost settings
 * @param registries how {@code docker://} images are pulled: insecure registries, credentials
 */
public record ServerConfig(
        HttpSettings http, Path dataDir, String databaseUrl, String driver, boolean insecure,
        ExecutionConfig executions, Path workDir, RunbookConfig runbooks, RegistryConfig registries) {

    /** A config that verifies TLS for every registry and leaves credentials to skopeo's defaults. */
    public ServerConfig(HttpSettings http, Path dataDir, String databaseUrl, String driver, boolean insecure,
            ExecutionConfig executions, Path workDir, RunbookConfig runbooks) {
        this(http, dataDir, databaseUrl, driver, insecure, executions, workDir, runbooks, RegistryConfig.DEFAULTS);
    }

    /** A config with the default runbook settings. */
    public ServerConfig(HttpSettings http, Path dataDir, String databaseUrl, String driver, boolean insecure,
            ExecutionConfig executions, Path workDir) {
        this(http, dataDir, databaseUrl, driver, insecure, executions, workDir, RunbookConfig.defaults());
    }

    /** Default port of the API. */
    public static final int DEFAULT_PORT = 7878;

    /**
     * @param env the process environment
     * @return {@code $XDG_DATA_HOME/errand}, else {@code ~/.local/share/errand}
     */
    public static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "errand");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "errand");
    }

    /** @return a config for tests and embedding: loopback, any free port, SQLite in {@code dataDir}, local driver */
    public static ServerConfig forDataDir(Path dataDir) {
        return new ServerConfig(new HttpSettings("127.0.0.1", 0, 8L * 1024 * 1024), dataDir, null, "local", false,
                ExecutionConfig.defaults(), null);
    }

    /** @return a copy with another driver and insecure flag */
    public ServerConfig withDriver(String newDriver, boolean newInsecure) {
        return new ServerConfig(http, dataDir, databaseUrl, newDriver, newInsecure, executions, workDir, runbooks,
                registries);
    }

    /** @return a copy with another database URL (null for SQLite) */
    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(http, dataDir, url, driver, insecure, executions, workDir, runbooks, registries);
    }

    /** @return a copy with other execution settings */
    public ServerConfig withExecutions(ExecutionConfig e) {
        return new ServerConfig(http, dataDir, databaseUrl, driver, insecure, e, workDir, runbooks, registries);
    }

    /** @return a copy with other runbook settings */
    public ServerConfig withRunbooks(RunbookConfig r) {
        return new ServerConfig(http, dataDir, databaseUrl, driver, insecure, executions, workDir, r, registries);
    }

    /** @return a copy with other registry settings */
    public ServerConfig withRegistries(RegistryConfig r) {
        return new ServerConfig(http, dataDir, databaseUrl, driver, insecure, executions, workDir, runbooks, r);
    }
}
