package dev.errand.server.audit;

import dev.errand.protocol.AuditEntryView;
import java.time.Instant;

/** Maps stored audit entries to their API view. */
final class AuditViews {
    private AuditViews() {}

    static AuditEntryView of(AuditEntry e) {
        AuditDraft d = e.draft();
        return new AuditEntryView(e.seq(), Instant.ofEpochMilli(d.at()), d.requestId(), d.userId(), d.userEmail(),
                d.keyId(), d.role(), d.action(), d.target(), d.outcome(), d.status(), d.detail(), d.source(),
                e.prevHash(), e.hash());
    }
}
