package dev.errand.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.AuditVerification;
import dev.errand.server.audit.AuditDraft;
import dev.errand.server.audit.AuditEntry;
import dev.errand.server.audit.AuditLog;
import dev.errand.server.audit.AuditQuery;
import dev.errand.server.audit.JdbiAuditStore;
import dev.errand.protocol.ErrandException;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.ApiKey;
import dev.errand.server.identity.ApiKeys;
import dev.errand.server.identity.ClaimToken;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.JdbiClaimTokenStore;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.identity.User;
import dev.errand.server.identity.UserService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity and audit store contract: every dialect must pass exactly these tests. */
abstract class IdentityAuditContractTest {
    static final long NOW = 1_000_000;
    @TempDir
    Path tmp;
    Database db;
    final JdbiIdentityStore users = new JdbiIdentityStore();
    final JdbiClaimTokenStore claims = new JdbiClaimTokenStore();
    final JdbiAuditStore audit = new JdbiAuditStore();

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(tmp);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    String user(String email, Role role) {
        String id = Ids.next("usr_");
        db.write((Handle h) -> {
            users.insertUser(h, id, email, role, NOW, null);
            return null;
        });
        return id;
    }

    String key(String userId, String name, Long expiresAt) {
        String id = Ids.next("key_");
        db.write((Handle h) -> {
            users.insertKey(h, id, userId, name, ApiKeys.hash(ApiKeys.generate()), NOW, expiresAt);
            return null;
        });
        return id;
    }

    @Test
    void aRevokedEmailMayHaveANewAccountButTwoActiveAccountsMayNotShareOne() {
        String first = user("ann@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> user("ann@example.com", Role.VIEWER)).isInstanceOf(RuntimeException.class);
        assertThat(db.write((Handle h) -> users.revokeUser(h, first, NOW + 1))).isTrue();
        assertThat(db.write((Handle h) -> users.revokeUser(h, first, NOW + 2))).isFalse();
        String second = user("ann@example.com", Role.VIEWER);
        User active = db.read((Handle h) -> users.findActiveUserByEmail(h, "ann@example.com", NOW)).orElseThrow();
        assertThat(active.id()).isEqualTo(second);
        assertThat(db.read((Handle h) -> users.listUsers(h, false, NOW))).extracting(User::id).containsExactly(second);
        assertThat(db.read((Handle h) -> users.listUsers(h, true, NOW))).extracting(User::id).containsExactly(first, second);
        assertThat(db.read((Handle h) -> users.findUser(h, first, NOW)).orElseThrow().status()).isEqualTo("revoked");
    }

    @Test
    void usersCarryTheirUsableKeyCountLastUseAndCreator() {
        String admin = user("root@example.com", Role.ADMIN);
        String id = Ids.next("usr_");
        db.write((Handle h) -> {
            users.insertUser(h, id, "bo@example.com", Role.DEVELOPER, NOW, admin);
            return null;
        });
        key(id, "a", null);
        key(id, "old", NOW - 1);
        String used = key(id, "b", NOW + 10);
        db.write((Handle h) -> {
            users.touchKey(h, used, NOW + 5);
            return null;
        });
        User u = db.read((Handle h) -> users.findUser(h, id, NOW)).orElseThrow();
        assertThat(u.usableKeys()).isEqualTo(2);
        assertThat(u.lastUsedAt()).isEqualTo(NOW + 5);
        assertThat(u.createdBy()).isEqualTo("root@example.com");
        assertThat(u.status()).isEqualTo("active");
    }

    @Test
    void onlyAdminsWhoCanStillSignInCount() {
        String a = user("a1@example.com", Role.ADMIN);
        String b = user("a2@example.com", Role.ADMIN);
        user("a3@example.com", Role.ADMIN);
        key(a, "k", null);
        String bKey = key(b, "k", null);
        assertThat(db.write((Handle h) -> users.countUsableAdmins(h, NOW))).isEqualTo(2);
        db.write((Handle h) -> users.revokeKey(h, bKey, NOW));
        assertThat(db.write((Handle h) -> users.countUsableAdmins(h, NOW))).isEqualTo(1);
        db.write((Handle h) -> {
            users.setRole(h, a, Role.OPERATOR);
            return null;
        });
        assertThat(db.write((Handle h) -> users.countUsableAdmins(h, NOW))).isZero();
    }

    @Test
    void keysAreListedPerUserOrAllAndRevokedOnce() {
        String u1 = user("k1@example.com", Role.DEVELOPER);
        String u2 = user("k2@example.com", Role.DEVELOPER);
        String k1 = key(u1, "laptop", null);
        key(u2, "ci", NOW + 100);
        assertThat(db.read((Handle h) -> users.listKeys(h, u1, false))).extracting(ApiKey::name).containsExactly("laptop");
        assertThat(db.read((Handle h) -> users.listKeys(h, null, false))).extracting(ApiKey::userEmail)
                .containsExactly("k1@example.com", "k2@example.com");
        assertThat(db.write((Handle h) -> users.revokeKey(h, k1, NOW))).isTrue();
        assertThat(db.write((Handle h) -> users.revokeKey(h, k1, NOW))).isFalse();
        assertThat(db.read((Handle h) -> users.listKeys(h, u1, false))).isEmpty();
        ApiKey revoked = db.read((Handle h) -> users.findKey(h, k1)).orElseThrow();
        assertThat(revoked.status(NOW)).isEqualTo("revoked");
        assertThat(db.read((Handle h) -> users.findKeyByHash(h, "nope"))).isEmpty();
    }

    @Test
    void aClaimTokenIsFoundByItsHashAndRedeemedOnlyOnce() {
        String u = user("c@example.com", Role.VIEWER);
        ClaimToken t = new ClaimToken(Ids.next("clm_"), u, NOW, NOW + 900_000, null);
        db.write((Handle h) -> {
            claims.insert(h, t, "hash-1", null);
            return null;
        });
        assertThat(db.read((Handle h) -> claims.findByHash(h, "hash-1"))).contains(t);
        assertThat(db.write((Handle h) -> claims.markUsed(h, t.id(), NOW + 1, "10.0.0.1"))).isTrue();
        assertThat(db.write((Handle h) -> claims.markUsed(h, t.id(), NOW + 2, "10.0.0.2"))).isFalse();
        ClaimToken unused = new ClaimToken(Ids.next("clm_"), u, NOW, NOW + 900_000, null);
        db.write((Handle h) -> {
            claims.insert(h, unused, "hash-2", null);
            claims.expireUnused(h, u, NOW + 3);
            return null;
        });
        assertThat(db.read((Handle h) -> claims.findByHash(h, "hash-2")).orElseThrow().expiresAt()).isEqualTo(NOW + 3);
        assertThat(db.read((Handle h) -> claims.findByHash(h, "hash-1")).orElseThrow().usedAt()).isEqualTo(NOW + 1);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = user("race-a" + round + "@example.com", Role.ADMIN);
            String b = user("race-b" + round + "@example.com", Role.ADMIN);
            String aKey = key(a, "k", null);
            String bKey = key(b, "k", null);
            db.write((Handle h) -> h.execute("UPDATE users SET role = 'OPERATOR' WHERE role = 'ADMIN' AND id NOT IN (?, ?)", a, b));
            IdentityService identity = new IdentityService(db, users, Clock.systemUTC());
            UserService service = new UserService(db, users, claims, identity, AccessPolicy.standard(), Clock.systemUTC());
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> demotions = new ArrayList<>();
            for (String[] pair : new String[][] {{a, aKey, b}, {b, bKey, a}}) {
                demotions.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        service.setRole(new Principal(pair[0], "x", Role.ADMIN, pair[1]), pair[2], "developer");
                        return true;
                    } catch (ErrandException e) {
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, r -> Thread.ofVirtual().start(r)));
            }
            long succeeded = demotions.stream().filter(CompletableFuture::join).count();
            assertThat(succeeded).as("round " + round).isEqualTo(1);
            assertThat(db.write((Handle h) -> users.countUsableAdmins(h, System.currentTimeMillis()))).isEqualTo(1);
        }
    }

    static AuditDraft draft(String user, String action, String target, String outcome, long at) {
        return new AuditDraft(at, "req_" + at, user == null ? null : "usr_" + user, user == null ? null : user + "@example.com",
                null, "developer", action, target == null ? null : "execution", target, outcome, 200, null, "10.1.2.3");
    }

    @Test
    void twoWritersAppendingFromManyThreadsMakeOneUnbrokenChain() throws Exception {
        try (AuditLog one = new AuditLog(db, audit); AuditLog two = new AuditLog(db, audit)) {
            List<CompletableFuture<AuditEntry>> all = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditLog writer = t % 2 == 0 ? one : two;
                int thread = t;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        CompletableFuture<AuditEntry> f = writer.submit(draft("t" + thread, "key.create", null, "ok", NOW + i));
                        synchronized (all) {
                            all.add(f);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(all.stream().map(f -> f.join().seq()).sorted().toList())
                    .isEqualTo(LongStream.rangeClosed(1, 400).boxed().toList());
            AuditVerification v = one.verify();
            assertThat(v.intact()).as(String.valueOf(v.broken())).isTrue();
            assertThat(v.entries()).isEqualTo(400);
        }
    }

    @Test
    void theAuditLogIsAppendOnly() throws Exception {
        try (AuditLog log = new AuditLog(db, audit)) {
            log.append(draft("x", "key.create", null, "ok", NOW));
        }
        assertThatThrownBy(() -> db.write((Handle h) -> h.execute("UPDATE audit_log SET outcome = 'denied'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.write((Handle h) -> h.execute("DELETE FROM audit_log")))
                .hasMessageContaining("append-only");
    }

    @Test
    void auditQueriesFilterByUserActionTargetTimeAndOutcome() throws Exception {
        try (AuditLog log = new AuditLog(db, audit)) {
            log.append(draft("amy", "execution.create", "ex_1", "ok", NOW));
            log.append(draft("amy", "execution.kill", "ex_1", "denied", NOW + 10));
            log.append(draft("ben", "user.create", null, "ok", NOW + 20));
            log.append(draft(null, "execution.list", null, "denied", NOW + 30));
            assertThat(seqs(log, new AuditQuery("amy@example.com", null, null, null, null, null))).containsExactly(2L, 1L);
            assertThat(seqs(log, new AuditQuery("usr_ben", null, null, null, null, null))).containsExactly(3L);
            assertThat(seqs(log, new AuditQuery(null, "execution.*", null, null, null, null))).containsExactly(4L, 2L, 1L);
            assertThat(seqs(log, new AuditQuery(null, "execution.kill", null, null, null, null))).containsExactly(2L);
            assertThat(seqs(log, new AuditQuery(null, null, "execution:ex_1", null, null, null))).containsExactly(2L, 1L);
            assertThat(seqs(log, new AuditQuery(null, null, "ex_1", NOW + 5, NOW + 11, null))).containsExactly(2L);
            assertThat(seqs(log, new AuditQuery(null, null, null, null, null, "denied"))).containsExactly(4L, 2L);
            assertThat(log.newestFirst(AuditQuery.ALL, 3L, 10)).extracting(AuditEntry::seq).containsExactly(2L, 1L);
            assertThat(log.forRequest("req_" + (NOW + 20))).extracting(AuditEntry::seq).containsExactly(3L);
            List<Long> exported = new ArrayList<>();
            log.export(AuditQuery.ALL, e -> exported.add(e.seq()));
            assertThat(exported).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    private static List<Long> seqs(AuditLog log, AuditQuery q) {
        return log.newestFirst(q, null, 100).stream().map(AuditEntry::seq).toList();
    }
}
