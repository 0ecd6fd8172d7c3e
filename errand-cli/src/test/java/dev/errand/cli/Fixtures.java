package dev.errand.cli;

/** Canned server answers, as the real server writes them (snake_case, ISO instants). */
final class Fixtures {
    static final String ID = "ex_01hz3k7qv9m2x8c4b6n0p5r7s1";

    private Fixtures() {}

    /** A finished execution with an extra field a newer server might send. */
    static String finishedExecution() {
        return """
                {"id":"%s","status":"FAILED","command":"make test","image":"host","driver":"local",\
                "user":"dev@example.com","exit_code":3,"reason":"exited with code 3",\
                "created_at":"2026-01-02T03:04:05Z","started_at":"2026-01-02T03:04:06Z",\
                "finished_at":"2026-01-02T03:05:16.500Z","timeout_seconds":600,"network":false,\
                "stream_url":"/api/v1/executions/%s/logs/stream","web_url":"/executions/%s",\
                "cost_units":42}""".formatted(ID, ID, ID);
    }

    /** A just-queued execution, as the 202 answer to a create. */
    static String queuedExecution() {
        return """
                {"id":"%s","status":"QUEUED","command":"make test","image":"host","driver":"local",\
                "user":"dev@example.com","created_at":"2026-01-02T03:04:05Z","timeout_seconds":600,"network":true,\
                "stream_url":"/api/v1/executions/%s/logs/stream","web_url":"/executions/%s"}""".formatted(ID, ID, ID);
    }

    /** An execution waiting second in the queue for lock {@code deploy}, as {@code GET} shows it. */
    static String queuedForLock() {
        return """
                {"id":"%s","status":"QUEUED","command":"make deploy","image":"host","driver":"local",\
                "user":"dev@example.com","created_at":"2026-01-02T03:04:05Z","timeout_seconds":600,"network":true,\
                "stream_url":"/api/v1/executions/%s/logs/stream","web_url":"/executions/%s","lock":"deploy",\
                "queue_position":2}""".formatted(ID, ID, ID);
    }

    /** An execution in the given status, for lists. */
    static String execution(String id, String status, String command, Integer exitCode) {
        return """
                {"id":"%s","status":"%s","command":"%s","image":"host","driver":"local","user":"dev@example.com",\
                %s"created_at":"2026-01-02T03:04:05Z","started_at":"2026-01-02T03:04:06Z",%s\
                "timeout_seconds":600,"network":true,"stream_url":"/s","web_url":"/w"}"""
                .formatted(id, status, command, exitCode == null ? "" : "\"exit_code\":" + exitCode + ",",
                        exitCode == null ? "" : "\"finished_at\":\"2026-01-02T03:04:08.250Z\",");
    }

    /** An error body. */
    static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"request_id\":\"req_42\"}}";
    }
}
