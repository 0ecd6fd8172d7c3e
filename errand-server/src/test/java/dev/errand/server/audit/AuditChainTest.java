package dev.errand.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.AuditVerification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    static AuditDraft draft(String action, String detail) {
        return new AuditDraft(1_700_000_000_123L, "req_1", "usr_1", "alice@example.com", "key_1", "developer", action,
                "execution", "ex_1", "ok", 202, detail, "127.0.0.1");
    }

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.seal(i, prev, draft("execution.create", "n" + i));
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    static AuditVerification verify(List<AuditEntry> entries, long headSeq, String headHash) {
        AuditVerifier v = new AuditVerifier();
        for (AuditEntry e : entries) {
            if (!v.accept(e)) {
                break;
            }
        }
        return v.finish(headSeq, headHash);
    }

    @Test
    void theCanonicalFormIsAFixedOrderJsonArray() {
        AuditDraft d = new AuditDraft(5, null, null, null, null, null, "claim", null, null, "denied", 404,
                "quote \" backslash \\ newline \n tab \t bell \u0007 ünï", "::1");
        assertThat(AuditChain.canonical(7, d)).isEqualTo("[7,5,null,null,null,null,null,\"claim\",null,null,\"denied\",404,"
                + "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 ünï\",\"::1\"]");
    }

    @Test
    void theHashIsSha256OfThePreviousHashANewlineAndTheCanonicalForm() {
        // printf '%s\n%s' "$(printf '0%.0s' {1..64})" '[1,2,null,null,null,null,null,"claim",null,null,"ok",201,null,null]' | sha256sum
        AuditDraft d = new AuditDraft(2, null, null, null, null, null, "claim", null, null, "ok", 201, null, null);
        assertThat(AuditChain.canonical(1, d)).isEqualTo("[1,2,null,null,null,null,null,\"claim\",null,null,\"ok\",201,null,null]");
        assertThat(AuditChain.seal(1, AuditChain.GENESIS, d).hash())
                .isEqualTo("c93232fdaad48396509907bededdfc0a641f36301f1b3fe44dad47c7e7fb2350");
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> c = chain(5);
        AuditVerification v = verify(c, 5, c.getLast().hash());
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void anyChangedFieldBreaksTheEntry() {
        List<AuditEntry> c = new ArrayList<>(chain(5));
        AuditEntry e = c.get(2);
        c.set(2, new AuditEntry(3, draft("execution.kill", "n3"), e.prevHash(), e.hash()));
        AuditVerification v = verify(c, 5, c.getLast().hash());
        assertThat(v.broken().seq()).isEqualTo(3);
        assertThat(v.broken().reason()).contains("altered");
    }

    @Test
    void aRemovedMiddleEntryAndARemovedTailAreBothFound() {
        List<AuditEntry> c = new ArrayList<>(chain(6));
        String head = c.getLast().hash();
        List<AuditEntry> gap = new ArrayList<>(c);
        gap.remove(2);
        gap.remove(2);
        assertThat(verify(gap, 6, head).broken().reason()).isEqualTo("entries 3 to 4 are missing: removed from the log");
        assertThat(verify(c.subList(0, 4), 6, head).broken().seq()).isEqualTo(5);
    }
}
