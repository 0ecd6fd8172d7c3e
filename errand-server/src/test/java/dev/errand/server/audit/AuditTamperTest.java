package dev.errand.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with write access to the database edits the audit log directly: the append-only
 * triggers refuse plain edits, and once dropped, {@code audit verify} names the first broken link.
 */
class AuditTamperTest {
    @TempDir
    Path dir;
    TestServer server;
    Database db;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        db = server.server().database();
        for (int i = 0; i < 6; i++) {
            assertThat(server.send("POST", "/api/v1/keys", "{\"name\":\"tamper-" + i + "\"}").statusCode()).isEqualTo(201);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
        assertThat(verify().get("head_seq").asLong()).isEqualTo(6);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode verify() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/audit/verify", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return TestServer.JSON.readTree(r.body());
    }

    void sql(String... statements) {
        db.write((Handle h) -> {
            for (String s : statements) {
                h.execute(s);
            }
            return null;
        });
    }

    void dropTriggers() {
        sql("DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete");
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditEntries() {
        assertThatThrownBy(() -> sql("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_log WHERE seq = 2")).hasMessageContaining("append-only");
    }

    @Test
    void anAlteredEntryIsReportedAsTheFirstBrokenLink() throws Exception {
        dropTriggers();
        sql("UPDATE audit_log SET user_email = 'someone-else@example.com' WHERE seq = 3");
        JsonNode v = verify();
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("broken").get("seq").asLong()).isEqualTo(3);
        assertThat(v.get("broken").get("reason").asText()).contains("entry 3 does not match its hash: it was altered");
    }

    @Test
    void anEntryRewrittenWithARecomputedHashBreaksTheNextLink() throws Exception {
        dropTriggers();
        AuditEntry third = db.read((Handle h) -> new JdbiAuditStore().oldestFirst(h, AuditQuery.ALL, 2, 1)).getFirst();
        AuditDraft d = third.draft();
        AuditEntry forged = AuditChain.seal(3, third.prevHash(), new AuditDraft(d.at(), d.requestId(), d.userId(),
                d.userEmail(), d.keyId(), d.role(), "key.list", d.targetType(), d.targetId(), d.outcome(), d.status(),
                d.detail(), d.source()));
        sql("UPDATE audit_log SET action = 'key.list', hash = '" + forged.hash() + "' WHERE seq = 3");
        JsonNode v = verify();
        assertThat(v.get("broken").get("seq").asLong()).isEqualTo(4);
        assertThat(v.get("broken").get("reason").asText()).contains("does not link to entry 3");
    }

    @Test
    void aRemovedEntryIsReportedAsMissing() throws Exception {
        dropTriggers();
        sql("DELETE FROM audit_log WHERE seq = 4");
        JsonNode v = verify();
        assertThat(v.get("broken").get("seq").asLong()).isEqualTo(4);
        assertThat(v.get("broken").get("reason").asText()).contains("entry 4 is missing: removed from the log");
    }

    @Test
    void entriesRemovedFromTheEndAreReportedAgainstTheHead() throws Exception {
        dropTriggers();
        sql("DELETE FROM audit_log WHERE seq >= 5");
        JsonNode v = verify();
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("broken").get("seq").asLong()).isEqualTo(5);
        assertThat(v.get("broken").get("reason").asText()).contains("ends at entry 4 but 6 were written");
    }

    @Test
    void exportedJsonLinesCarryEverythingNeededToRecomputeTheChain() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/audit/export", null);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(6);
        String prev = AuditChain.GENESIS;
        for (String line : lines) {
            JsonNode e = TestServer.JSON.readTree(line);
            String[] target = e.has("target") ? e.get("target").asText().split(":", 2) : new String[] {null, null};
            AuditDraft d = new AuditDraft(Instant.parse(e.get("at").asText()).toEpochMilli(), text(e, "request_id"),
                    text(e, "user_id"), text(e, "user"), text(e, "key_id"), text(e, "role"), text(e, "action"), target[0],
                    target[1], text(e, "outcome"), e.get("status").asInt(), text(e, "detail"), text(e, "source"));
            assertThat(e.get("prev_hash").asText()).isEqualTo(prev);
            assertThat(AuditChain.seal(e.get("seq").asLong(), prev, d).hash()).isEqualTo(e.get("hash").asText());
            prev = e.get("hash").asText();
        }
    }

    private static String text(JsonNode e, String field) {
        return e.has(field) ? e.get(field).asText() : null;
    }
}
