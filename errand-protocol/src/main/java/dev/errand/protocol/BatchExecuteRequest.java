package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code POST /api/v1/execute/batch}.
 *
 * @param submissions 1 to 20 runs, each validated like a single {@code POST /api/v1/execute}
 */
public record BatchExecuteRequest(List<ExecuteRequest> submissions) {}
