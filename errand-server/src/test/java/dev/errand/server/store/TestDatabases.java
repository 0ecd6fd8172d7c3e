package dev.errand.server.store;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens the stores the contract suites run against. PostgreSQL comes from
 * {@code ERRAND_TEST_PG_URL} ({@code postgresql://user:pass@host:port/db}, started by
 * {@code scripts/test}); without it the PostgreSQL tests are skipped, except under
 * {@code CI=true}, where a missing server is a failure, never a silent skip.
 */
public final class TestDatabases {
    private TestDatabases() {}

    /** @return a fresh SQLite store in {@code dir} */
    public static Database sqlite(Path dir) {
        return Database.sqlite(dir);
    }

    /** @return the PostgreSQL URL, after wiping its public schema */
    public static String freshPostgresUrl() {
        String url = System.getenv("ERRAND_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ERRAND_TEST_PG_URL is not set: scripts/test must start PostgreSQL");
            }
            Assumptions.abort("ERRAND_TEST_PG_URL is not set; skipping PostgreSQL tests (scripts/test starts one)");
        }
        Database.PostgresUrl parsed = Database.PostgresUrl.parse(url);
        try (Connection c = DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the PostgreSQL test database at " + parsed.jdbcUrl(), e);
        }
        return url;
    }

    /** @return a fresh PostgreSQL store (see {@link #freshPostgresUrl()}) */
    public static Database postgres() {
        return Database.postgres(freshPostgresUrl());
    }
}
