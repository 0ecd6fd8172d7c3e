package dev.errand.server.web;

import dev.errand.server.store.Database;
import dev.errand.server.store.TestDatabases;
import java.nio.file.Path;

/** Runs the session store contract against embedded SQLite. */
class SqliteSessionStoreTest extends SessionStoreContractTest {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
