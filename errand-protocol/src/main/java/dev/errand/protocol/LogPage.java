package dev.errand.protocol;

import java.util.List;

/**
 * A page of log lines returned by {@code GET /api/v1/executions/{id}/logs}.
 *
 * @param lines lines in ascending {@code seq}, at most the requested limit
 * @param nextSeq the {@code from_seq} to ask for next (last seq + 1, or the request's from_seq when empty)
 * @param complete true when the execution is terminal and no line follows this page
 */
public record LogPage(List<LogLine> lines, long nextSeq, boolean complete) {}
