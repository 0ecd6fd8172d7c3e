package dev.errand.server.audit;

import dev.errand.server.http.RequestOutcome;
import dev.errand.server.http.RequestRecorder;
import dev.errand.server.identity.Principal;

/**
 * Turns each finished mutating or denied API request into one audit entry and waits until it is
 * committed, so a response never leaves before its record exists. Thread-safe.
 */
public final class AuditRecorder implements RequestRecorder {
    private final AuditLog log;

    /** @param log where entries go */
    public AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @Override
    public void record(RequestOutcome o) {
        log.append(draft(o));
    }

    /** @return the entry for a request: outcome {@code denied}, else {@code ok} below 400, else {@code failed} */
    static AuditDraft draft(RequestOutcome o) {
        Principal p = o.caller();
        String outcome = o.denied() ? "denied" : o.status() < 400 ? "ok" : "failed";
        return new AuditDraft(o.at(), o.requestId(), p == null ? null : p.userId(), p == null ? null : p.email(),
                p == null ? null : p.keyId(), p == null || p.role() == null ? null : p.role().wireName(), o.action(),
                o.targetType(), o.targetId(), outcome, o.status(), o.detail(), o.source());
    }
}
