package dev.errand.server.store;

import java.nio.file.Path;

/** Runs the runbook store contract against embedded SQLite. */
class SqliteRunbookStoreTest extends RunbookStoreContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
