package dev.errand.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A message on the log stream ({@code GET /api/v1/executions/{id}/logs/stream}, WebSocket text
 * frames or SSE {@code data:} lines), discriminated by {@code "type"}. The server sends any
 * number of {@link Logs} (backlog first, then live, in ascending {@code seq} without gaps or
 * duplicates), then exactly one {@link Status} once the execution is terminal, then closes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StreamEvent.Logs.class, name = "logs"),
    @JsonSubTypes.Type(value = StreamEvent.Status.class, name = "status"),
    @JsonSubTypes.Type(value = StreamEvent.Error.class, name = "error")
})
public sealed interface StreamEvent {

    /**
     * A batch of consecutive log lines.
     *
     * @param lines one or more lines in ascending seq
     */
    record Logs(List<LogLine> lines) implements StreamEvent {}

    /**
     * The final status; the stream closes after it.
     *
     * @param status a terminal status
     * @param exitCode the exit code, or null if the command never exited by itself
     * @param reason why it ended as it did, or null
     */
    record Status(ExecutionStatus status, Integer exitCode, String reason) implements StreamEvent {}

    /**
     * The stream cannot continue (for example the execution does not exist); closes after it.
     *
     * @param code the wire name of an {@link ErrorCode}
     * @param message a sentence a person understands
     */
    record Error(String code, String message) implements StreamEvent {}
}
