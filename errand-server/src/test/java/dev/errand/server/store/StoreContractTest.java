package dev.errand.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.execution.Execution;
import dev.errand.server.execution.JdbiExecutionStore;
import dev.errand.server.identity.ApiKeys;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.KeyRecord;
import dev.errand.server.identity.Role;
import dev.errand.server.logs.JdbiLogStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract: every dialect must pass exactly these tests. */
abstract class StoreContractTest {
    @TempDir
    Path tmp;
    Database db;
    final JdbiIdentityStore identity = new JdbiIdentityStore();
    final JdbiExecutionStore executions = new JdbiExecutionStore();
    final JdbiLogStore logs = new JdbiLogStore();
    String alice;
    String bob;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(tmp);
        alice = Ids.next("usr_");
        bob = Ids.next("usr_");
        db.write((Handle h) -> {
            identity.insertUser(h, alice, "alice@example.com", Role.DEVELOPER, 1);
            identity.insertUser(h, bob, "bob@example.com", Role.OPERATOR, 2);
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Execution newExecution(String user, ExecutionStatus status) {
        return new Execution(Ids.next("ex_"), user, null, "echo 'hi'", "host", "local", Map.of("A", "1 2"), false, 60,
                status, null, null, "req_1", Instant.ofEpochMilli(System.currentTimeMillis()), null, null);
    }

    private Execution insert(String user) throws InterruptedException {
        Execution e = newExecution(user, ExecutionStatus.QUEUED);
        db.write((Handle h) -> {
            executions.insert(h, e);
            return null;
        });
        Thread.sleep(2); // ids sort by millisecond
        return e;
    }

    @Test
    void anInsertedExecutionReadsBackWithItsOwnersEmail() throws Exception {
        Execution e = insert(alice);
        Execution read = db.read((Handle h) -> executions.find(h, e.id())).orElseThrow();
        assertThat(read.userEmail()).isEqualTo("alice@example.com");
        assertThat(read.env()).containsEntry("A", "1 2");
        assertThat(read.command()).isEqualTo("echo 'hi'");
        assertThat(read.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(read.network()).isFalse();
        assertThat(read.createdAt()).isEqualTo(e.createdAt());
        assertThat(db.read((Handle h) -> executions.find(h, Ids.next("ex_")))).isEmpty();
    }

    @Test
    void listIsNewestFirstAndPagesByCursor() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(insert(i % 2 == 0 ? alice : bob).id());
        }
        List<Execution> first = db.read((Handle h) -> executions.list(h, List.of(), null, null, 3));
        assertThat(first).extracting(Execution::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        List<Execution> second = db.read((Handle h) -> executions.list(h, List.of(), null, first.getLast().id(), 3));
        assertThat(second).extracting(Execution::id).containsExactly(ids.get(1), ids.get(0));
        List<Execution> alices = db.read((Handle h) -> executions.list(h, List.of(), alice, null, 10));
        assertThat(alices).extracting(Execution::id).containsExactly(ids.get(4), ids.get(2), ids.get(0));
    }

    @Test
    void listFiltersByStatus() throws Exception {
        Execution a = insert(alice);
        insert(alice);
        db.write((Handle h) -> executions.transition(h, a.id(), ExecutionStatus.QUEUED, ExecutionStatus.STOPPED, null, 5L, null, "x"));
        List<Execution> stopped = db.read((Handle h) -> executions.list(h, List.of(ExecutionStatus.STOPPED), null, null, 10));
        assertThat(stopped).extracting(Execution::id).containsExactly(a.id());
    }

    @Test
    void transitionIsACompareAndSetThatRecordsTheOutcome() throws Exception {
        Execution e = insert(alice);
        assertThat(db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.QUEUED, ExecutionStatus.STARTING,
                null, null, null, null))).isTrue();
        assertThat(db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.QUEUED, ExecutionStatus.STARTING,
                null, null, null, null))).isFalse();
        db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.STARTING, ExecutionStatus.RUNNING, 100L, null, null, null));
        db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.RUNNING, ExecutionStatus.FAILED, null, 200L, 3, "why"));
        Execution read = db.read((Handle h) -> executions.find(h, e.id())).orElseThrow();
        assertThat(read.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(read.exitCode()).isEqualTo(3);
        assertThat(read.reason()).isEqualTo("why");
        assertThat(read.startedAt()).isEqualTo(Instant.ofEpochMilli(100));
        assertThat(read.finishedAt()).isEqualTo(Instant.ofEpochMilli(200));
    }

    @Test
    void anIllegalTransitionIsRefusedBeforeTouchingTheRow() throws Exception {
        Execution e = insert(alice);
        assertThatThrownBy(() -> db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.QUEUED,
                ExecutionStatus.RUNNING, null, null, null, null))).isInstanceOf(IllegalStateException.class);
        assertThat(db.read((Handle h) -> executions.find(h, e.id())).orElseThrow().status()).isEqualTo(ExecutionStatus.QUEUED);
    }

    @Test
    void queuedReturnsOldestFirstAndWithStatusFindsLeftovers() throws Exception {
        Execution a = insert(alice);
        Execution b = insert(bob);
        db.write((Handle h) -> executions.transition(h, b.id(), ExecutionStatus.QUEUED, ExecutionStatus.STARTING, null, null, null, null));
        Execution c = insert(alice);
        assertThat(db.read((Handle h) -> executions.queued(h, 10))).containsExactly(a.id(), c.id());
        assertThat(db.read((Handle h) -> executions.withStatus(h, List.of(ExecutionStatus.STARTING, ExecutionStatus.RUNNING))))
                .extracting(Execution::id).containsExactly(b.id());
    }

    @Test
    void logLinesPageInSequenceOrder() throws Exception {
        Execution e = insert(alice);
        List<LogLine> lines = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            lines.add(new LogLine(i, Instant.ofEpochMilli(i), i % 3 == 0 ? LogStream.STDERR : LogStream.STDOUT,
                    "line " + i + " ünïcödé \t tab"));
        }
        db.write((Handle h) -> {
            logs.append(h, e.id(), lines.subList(0, 1000));
            logs.append(h, e.id(), lines.subList(1000, 2500));
            return null;
        });
        assertThat(db.read((Handle h) -> logs.lastSeq(h, e.id()))).isEqualTo(2500);
        List<LogLine> page = db.read((Handle h) -> logs.page(h, e.id(), 999, 5));
        assertThat(page).containsExactlyElementsOf(lines.subList(998, 1003));
        assertThat(db.read((Handle h) -> logs.page(h, e.id(), 2501, 10))).isEmpty();
        assertThat(db.read((Handle h) -> logs.lastSeq(h, Ids.next("ex_")))).isZero();
    }

    @Test
    void keysAreFoundByHashWithTheirUserAndRevocation() {
        String keyId = Ids.next("key_");
        String key = ApiKeys.generate();
        db.write((Handle h) -> {
            identity.insertKey(h, keyId, alice, "laptop", ApiKeys.hash(key), 10, 99L);
            return null;
        });
        KeyRecord found = db.read((Handle h) -> identity.findKeyByHash(h, ApiKeys.hash(key))).orElseThrow();
        assertThat(found.keyId()).isEqualTo(keyId);
        assertThat(found.email()).isEqualTo("alice@example.com");
        assertThat(found.role()).isEqualTo(Role.DEVELOPER);
        assertThat(found.expiresAt()).isEqualTo(99L);
        assertThat(found.keyRevokedAt()).isNull();
        Optional<KeyRecord> missing = db.read((Handle h) -> identity.findKeyByHash(h, ApiKeys.hash(ApiKeys.generate())));
        assertThat(missing).isEmpty();
        assertThat(db.read((Handle h) -> identity.countActiveUsers(h))).isEqualTo(2);
    }
}
