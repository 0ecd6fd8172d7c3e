package dev.errand.server.store;

import java.nio.file.Path;

/** Runs the store contract against embedded SQLite. */
class SqliteStoreTest extends StoreContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
