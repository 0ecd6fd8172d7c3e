package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/execute/batch}: one result per submission, in order; finished
 * ones by default, {@code queued} ones with {@code ?wait=false}.
 *
 * @param results the results
 */
public record BatchExecuteResult(List<ExecuteResult> results) {}
