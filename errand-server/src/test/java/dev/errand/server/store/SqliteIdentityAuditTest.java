package dev.errand.server.store;

import java.nio.file.Path;

/** Runs the identity and audit store contract against embedded SQLite. */
class SqliteIdentityAuditTest extends IdentityAuditContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
