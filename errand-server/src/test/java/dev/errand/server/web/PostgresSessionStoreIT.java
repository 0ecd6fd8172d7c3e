package dev.errand.server.web;

import dev.errand.server.store.Database;
import dev.errand.server.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** Runs the session store contract against a real PostgreSQL server ({@code ERRAND_TEST_PG_URL}). */
@Tag("postgres")
class PostgresSessionStoreIT extends SessionStoreContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
