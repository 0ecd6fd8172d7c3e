package dev.errand.server.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** Runs the identity and audit store contract against a real PostgreSQL server ({@code ERRAND_TEST_PG_URL}). */
@Tag("postgres")
class PostgresIdentityAuditIT extends IdentityAuditContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
