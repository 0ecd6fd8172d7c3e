package dev.errand.protocol;

import java.util.List;

/**
 * A page of audit entries, newest first, from {@code GET /api/v1/audit}.
 *
 * @param items the entries on this page
 * @param nextCursor the {@code cursor} for the next (older) page, or null at the end
 */
public record AuditPage(List<AuditEntryView> items, String nextCursor) {}
