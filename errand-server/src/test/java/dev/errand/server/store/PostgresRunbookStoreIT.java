package dev.errand.server.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** Runs the runbook store contract against a real PostgreSQL server ({@code ERRAND_TEST_PG_URL}). */
@Tag("postgres")
class PostgresRunbookStoreIT extends RunbookStoreContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
