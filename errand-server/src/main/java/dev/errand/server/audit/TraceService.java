package dev.errand.server.audit;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.TraceView;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers "what did request X do?": its audit entries, the log lines the server wrote while
 * handling it (from the in-memory {@link RequestLogBuffer}), and the resources it created or
 * changed with their current state. Thread-safe.
 */
public final class TraceService {
    private final AuditLog audit;
    private final RequestLogBuffer logs;
    private final ResourceLookup resources;
    private final AccessPolicy policy;

    /**
     * @param audit the audit log
     * @param logs recent log lines by request id
     * @param resources describes the resources entries name
     * @param policy who may trace
     */
    public TraceService(AuditLog audit, RequestLogBuffer logs, ResourceLookup resources, AccessPolicy policy) {
        this.audit = audit;
        this.logs = logs;
        this.resources = resources;
        this.policy = policy;
    }

    /**
     * @throws ErrandException {@code forbidden} for non-admins; {@code not_found} when nothing is
     *     recorded for the id (allowed reads are not audited, and log lines are kept only for
     *     recent requests)
     */
    public TraceView trace(Principal caller, String requestId) {
        policy.permit(caller, Action.TRACE_READ);
        List<AuditEntry> entries = audit.forRequest(requestId);
        List<TraceView.LogEntry> lines = logs.linesOf(requestId);
        if (entries.isEmpty() && lines.isEmpty()) {
            throw ErrandException.notFound("nothing recorded for request '" + requestId + "': reads that were allowed"
                    + " are not audited, and log lines are kept only for recent requests");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<TraceView.Resource> touched = new ArrayList<>();
        for (AuditEntry e : entries) {
            if ("ok".equals(e.draft().outcome()) && e.draft().targetType() != null && seen.add(e.draft().target())) {
                touched.add(new TraceView.Resource(e.draft().targetType(), e.draft().targetId(), e.draft().action(),
                        resources.describe(caller, e.draft().targetType(), e.draft().targetId())));
            }
        }
        return new TraceView(requestId, entries.stream().map(AuditViews::of).toList(), lines, touched);
    }
}
