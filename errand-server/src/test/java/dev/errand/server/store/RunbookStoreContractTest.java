package dev.errand.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.ImageView;
import dev.errand.protocol.UsageReport;
import dev.errand.protocol.UsageView;
import dev.errand.server.execution.Execution;
import dev.errand.server.execution.JdbiExecutionStore;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Role;
import dev.errand.server.image.JdbiImageStore;
import dev.errand.server.lock.JdbiLockStore;
import dev.errand.server.secret.JdbiSecretStore;
import dev.errand.server.secret.Secret;
import dev.errand.server.usage.JdbiUsageStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook stores' contract (secrets, locks, images, usage, the new execution columns) on every dialect. */
abstract class RunbookStoreContractTest {
    @TempDir
    Path tmp;
    Database db;
    final JdbiExecutionStore executions = new JdbiExecutionStore();
    final JdbiLockStore locks = new JdbiLockStore();
    final JdbiSecretStore secrets = new JdbiSecretStore();
    final JdbiImageStore images = new JdbiImageStore();
    String alice;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(tmp);
        alice = Ids.next("usr_");
        db.write((Handle h) -> {
            new JdbiIdentityStore().insertUser(h, alice, "alice@example.com", Role.DEVELOPER, 1);
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Execution queued(String lock) throws InterruptedException {
        Execution e = new Execution(Ids.next("ex_"), alice, null, "true", "host", "local", Map.of(), false, 60,
                ExecutionStatus.QUEUED, null, null, "req", Instant.ofEpochMilli(System.currentTimeMillis()), null, null,
                List.of("s1"), lock, new GitSource("https://x/r.git", "main", "app", "tok"),
                new ExecutionLimits(64, 8, 10, 0.5, 4096L), null);
        db.write((Handle h) -> {
            executions.insert(h, e);
            return null;
        });
        Thread.sleep(2);
        return e;
    }

    @Test
    void theNewExecutionColumnsAndUsageReadBack() throws Exception {
        Execution e = queued("deploy");
        db.write((Handle h) -> executions.transition(h, e.id(), ExecutionStatus.QUEUED, ExecutionStatus.STARTING, null, null, null, null)
                && executions.transition(h, e.id(), ExecutionStatus.STARTING, ExecutionStatus.RUNNING, 1000L, null, null, null)
                && executions.transition(h, e.id(), ExecutionStatus.RUNNING, ExecutionStatus.SUCCEEDED, null, 3500L, 0, null));
        db.write((Handle h) -> {
            executions.recordUsage(h, e.id(), new UsageView(2.5, 1.25, 1024L, 0.000123));
            return null;
        });
        Execution read = db.read((Handle h) -> executions.find(h, e.id())).orElseThrow();
        assertThat(read.secrets()).containsExactly("s1");
        assertThat(read.lockName()).isEqualTo("deploy");
        assertThat(read.git()).isEqualTo(e.git());
        assertThat(read.limits()).isEqualTo(e.limits());
        assertThat(read.usage()).isEqualTo(new UsageView(2.5, 1.25, 1024L, 0.000123));
        List<UsageReport.Row> rows = db.read((Handle h) -> new JdbiUsageStore().sum(h, true, 0, null));
        assertThat(rows).containsExactly(new UsageReport.Row("host", 1, 2.5, 1.25, 1024L, 0.000123));
        assertThat(db.read((Handle h) -> new JdbiUsageStore().sum(h, false, 5000, alice))).isEmpty();
    }

    @Test
    void aLockIsTakenOnceSkippedByTheQueueAndReleasedByAnyTerminalTransition() throws Exception {
        Execution first = queued("db");
        Execution second = queued("db");
        Execution free = queued(null);
        assertThat(db.write((Handle h) -> locks.acquire(h, "db", first.id(), 1))).isTrue();
        assertThat(db.write((Handle h) -> locks.acquire(h, "db", second.id(), 2))).isFalse();
        db.write((Handle h) -> executions.transition(h, first.id(), ExecutionStatus.QUEUED, ExecutionStatus.STARTING, null, null, null, null));
        assertThat(db.read((Handle h) -> executions.queued(h, 10))).containsExactly(free.id());
        assertThat(db.read((Handle h) -> executions.queuePosition(h, second))).isEqualTo(2);
        assertThat(db.read((Handle h) -> locks.busy(h, "db"))).isTrue();
        assertThat(db.read((Handle h) -> locks.list(h))).extracting(l -> l.name() + "/" + l.waiting()).containsExactly("db/1");

        db.write((Handle h) -> executions.transition(h, first.id(), ExecutionStatus.STARTING, ExecutionStatus.LOST, null, 5L, null, "lost"));
        assertThat(db.read((Handle h) -> locks.list(h))).isEmpty();
        assertThat(db.read((Handle h) -> executions.queued(h, 10))).containsExactly(second.id(), free.id());
        assertThat(db.write((Handle h) -> locks.release(h, "db"))).isFalse();
    }

    @Test
    void secretsAreUniqueByNameAndUpdateAndDeleteTheirRow() {
        Instant t = Instant.ofEpochMilli(1000);
        Secret s = new Secret("tok", "TOKEN", null, List.of("developer"), "c1", "a@x", t, "a@x", t);
        assertThat(db.write((Handle h) -> secrets.insert(h, s))).isTrue();
        assertThat(db.write((Handle h) -> secrets.insert(h, s))).isFalse();
        Secret changed = new Secret("tok", "TOKEN2", "d", List.of(), "c2", "a@x", t, "b@x", Instant.ofEpochMilli(2000));
        assertThat(db.write((Handle h) -> secrets.update(h, changed))).isTrue();
        assertThat(db.read((Handle h) -> secrets.find(h, "tok"))).contains(changed);
        assertThat(db.read((Handle h) -> secrets.list(h))).hasSize(1);
        assertThat(db.write((Handle h) -> secrets.delete(h, "tok"))).isTrue();
        assertThat(db.read((Handle h) -> secrets.find(h, "tok"))).isEmpty();
    }

    @Test
    void imagesHaveExactlyTheDefaultThatWasSetLast() {
        for (String name : List.of("a", "b")) {
            ImageView i = new ImageView(name, "local", "rootfs", "/srv/" + name, "bookworm", List.of("git"), 0.5, 128, 16,
                    30, false, Map.of("K", "V"), "root", "/tmp", 60, List.of("operator"), false, "ready",
                    Instant.ofEpochMilli(5), "ops@x", Instant.ofEpochMilli(1));
            assertThat(db.write((Handle h) -> images.insert(h, i))).isTrue();
        }
        db.write((Handle h) -> {
            images.setDefault(h, "a");
            images.setDefault(h, "b");
            return null;
        });
        assertThat(db.read((Handle h) -> images.findDefault(h))).map(ImageView::name).contains("b");
        ImageView a = db.read((Handle h) -> images.find(h, "a")).orElseThrow();
        assertThat(a.isDefault()).isFalse();
        assertThat(a.packages()).containsExactly("git");
        assertThat(a.env()).containsEntry("K", "V");
        assertThat(a.cpus()).isEqualTo(0.5);
        assertThat(db.write((Handle h) -> images.delete(h, "a"))).isTrue();
        assertThat(db.read((Handle h) -> images.list(h))).extracting(ImageView::name).containsExactly("b");
    }
}
