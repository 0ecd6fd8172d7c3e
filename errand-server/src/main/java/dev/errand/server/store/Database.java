package dev.errand.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's connection to its SQL store. Opened once by the composition root, migrated on
 * open, closed on shutdown.
 *
 * <p>On SQLite every write transaction runs under one lock, so writers queue in the JVM instead
 * of spinning on {@code SQLITE_BUSY}; reads run concurrently thanks to WAL. On PostgreSQL writes
 * run concurrently. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens the embedded SQLite store {@code errand.db} in {@code dataDir} and migrates it.
     *
     * @param dataDir an existing, writable directory
     * @return the open database
     */
    public static Database sqlite(Path dataDir) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("errand.db").toAbsolutePath());
        hc.addDataSourceProperty("journal_mode", "WAL");
        hc.addDataSourceProperty("synchronous", "NORMAL");
        hc.addDataSourceProperty("busy_timeout", "10000");
        hc.addDataSourceProperty("foreign_keys", "true");
        hc.setMaximumPoolSize(8);
        hc.setPoolName("errand-sqlite");
        return open(new HikariDataSource(hc), Dialect.SQLITE);
    }

    /**
     * Opens a PostgreSQL store and migrates it.
     *
     * @param url {@code postgresql://user:password@host:port/db} or a {@code jdbc:postgresql:} URL
     * @return the open database
     * @throws IllegalArgumentException when the URL cannot be parsed
     */
    public static Database postgres(String url) {
        HikariConfig hc = new HikariConfig();
        PostgresUrl parsed = PostgresUrl.parse(url);
        hc.setJdbcUrl(parsed.jdbcUrl());
        if (parsed.user() != null) {
            hc.setUsername(parsed.user());
        }
        if (parsed.password() != null) {
            hc.setPassword(parsed.password());
        }
        hc.setMaximumPoolSize(16);
        hc.setPoolName("errand-postgres");
        return open(new HikariDataSource(hc), Dialect.POSTGRESQL);
    }

    private static Database open(HikariDataSource ds, Dialect dialect) {
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/common", "classpath:db/" + dialect.folder())
                    .load()
                    .migrate();
            return new Database(ds, dialect);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** @return which SQL dialect this store speaks */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code callback} in a write transaction (serialized on SQLite).
     *
     * @return what the callback returns
     */
    public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        if (dialect == Dialect.SQLITE) {
            writeLock.lock();
            try {
                return jdbi.inTransaction(callback);
            } finally {
                writeLock.unlock();
            }
        }
        return jdbi.inTransaction(callback);
    }

    /**
     * Runs {@code callback} on a handle for reading; the handle does not outlive the call.
     *
     * @return what the callback returns
     */
    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        return jdbi.withHandle(callback);
    }

    /** @return true when a trivial query succeeds */
    public boolean ping() {
        try {
            return read((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The parts of a {@code postgresql://} URL that JDBC needs. */
    record PostgresUrl(String jdbcUrl, String user, String password) {
        static PostgresUrl parse(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return new PostgresUrl(url, null, null);
            }
            URI uri = URI.create(url);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new IllegalArgumentException("database URL must start with postgresql://, got " + uri.getScheme());
            }
            String user = null;
            String password = null;
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new PostgresUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, user, password);
        }
    }
}
