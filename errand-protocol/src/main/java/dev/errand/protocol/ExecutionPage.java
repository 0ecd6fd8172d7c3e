package dev.errand.protocol;

import java.util.List;

/**
 * A page of executions, newest first, from {@code GET /api/v1/executions}.
 *
 * @param items the executions on this page
 * @param nextCursor the opaque cursor for the next page, or null at the end
 */
public record ExecutionPage(List<ExecutionView> items, String nextCursor) {}
