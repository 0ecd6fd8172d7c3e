package dev.errand.protocol;

import java.time.Instant;

/**
 * The answer of {@code POST /api/v1/execute} and {@code GET /api/v1/execute/{id}}. While a run
 * is {@code queued} or {@code running} only the identifying fields are set.
 *
 * @param id the run's id ({@code ex_...}); the run is also an execution with this id
 * @param status how it ended, or where it is
 * @param language the language id that ran
 * @param version the language's version
 * @param stdout the program's standard output (UTF-8, invalid bytes replaced), cut at the output limit
 * @param stderr the program's standard error, cut likewise
 * @param compileOutput the compiler's output (compiled languages), cut likewise
 * @param exitCode the program's exit code (128 + N when killed by signal N), null if it never ran
 * @param signal the signal that killed the program, such as {@code SIGKILL}, else null
 * @param timeMs the program's wall-clock time in ms, compilation excluded
 * @param cpuMs the program's user + system CPU time in ms (10 ms resolution), when measured
 * @param memoryKb the program's peak resident memory in KiB, when measured
 * @param compileMs the compiler's wall-clock time in ms; 0 when its artefacts came from the cache
 * @param cached true when the compiled artefacts were reused from an identical earlier run
 * @param truncated true when stdout, stderr or compile_output was cut at the output limit
 * @param message why the status is what it is, for {@code timeout}, limits and {@code internal_error}
 * @param createdAt when the server accepted the run
 */
public record ExecuteResult(
        String id,
        CodeStatus status,
        String language,
        String version,
        String stdout,
        String stderr,
        String compileOutput,
        Integer exitCode,
        String signal,
        Long timeMs,
        Long cpuMs,
        Long memoryKb,
        Long compileMs,
        Boolean cached,
        Boolean truncated,
        String message,
        Instant createdAt) {

    /** @return a result without output, for a run that is queued or running */
    public static ExecuteResult pending(String id, CodeStatus status, String language, String version,
            Instant createdAt) {
        return new ExecuteResult(id, status, language, version, null, null, null, null, null, null, null, null,
                null, null, null, null, createdAt);
    }
}
