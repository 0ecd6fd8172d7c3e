package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.identity.ApiKeys;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session store contract: SQLite and PostgreSQL must pass exactly these tests. */
abstract class SessionStoreContractTest {
    @TempDir
    Path tmp;
    Database db;
    final JdbiSessionStore store = new JdbiSessionStore();

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(tmp);
        JdbiIdentityStore identity = new JdbiIdentityStore();
        db.write(h -> {
            identity.insertUser(h, "usr_a", "a@example.com", Role.VIEWER, 1);
            identity.insertKey(h, "key_a", "usr_a", "test", ApiKeys.hash(ApiKeys.generate()), 1, null);
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    static WebSession session(String id, long seen, long expires) {
        return new WebSession(id, "usr_a", "key_a", "sealed-" + id, 100, seen, expires);
    }

    void insert(WebSession s) {
        db.write(h -> {
            store.insert(h, s);
            return null;
        });
    }

    Optional<WebSession> find(String id) {
        return db.read(h -> store.find(h, id));
    }

    @Test
    void aSessionReadsBackAsWritten() {
        WebSession s = session("s1", 1_000, 9_000_000_000_000L);
        insert(s);
        assertThat(find("s1")).hasValue(s);
        assertThat(find("nope")).isEmpty();
    }

    @Test
    void touchingOnlyMovesLastSeenForward() {
        insert(session("s1", 1_000, 10_000));
        db.write(h -> {
            store.touch(h, "s1", 5_000);
            store.touch(h, "s1", 2_000);
            return null;
        });
        assertThat(find("s1").orElseThrow().lastSeenAt()).isEqualTo(5_000);
    }

    @Test
    void deletingEndedSessionsKeepsTheLiveOnes() {
        insert(session("idle", 1_000, 100_000));
        insert(session("expired", 50_000, 60_000));
        insert(session("live", 50_000, 100_000));
        int deleted = db.write(h -> store.deleteEnded(h, 10_000, 60_000));
        assertThat(deleted).isEqualTo(2);
        assertThat(find("live")).isPresent();
        db.write(h -> {
            store.delete(h, "live");
            store.delete(h, "live");
            return null;
        });
        assertThat(find("live")).isEmpty();
    }
}
