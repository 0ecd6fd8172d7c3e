package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code POST /api/v1/execute} (and one item of a batch). Unknown fields are rejected.
 *
 * @param language a language id or alias from {@code GET /api/v1/languages}, such as {@code python}
 * @param version a version prefix such as {@code 3} or {@code 3.11}, or null for the installed one
 * @param code the program's source, saved under the language's file name; give this or {@code files}
 * @param files the program's files (at most 64; the first is the main file); give this or {@code code}
 * @param stdin the program's standard input (at most 1 MiB), or null for none
 * @param args command-line arguments appended to the run command (at most 64), or null
 * @param timeoutMs the run's wall-clock limit in ms (compilation has its own), or null for the default
 * @param memoryMb the program's memory limit in MiB, or null for the default
 * @param network true to give the program the network, where the server allows it; default off
 */
public record ExecuteRequest(
        String language,
        String version,
        String code,
        List<CodeFile> files,
        String stdin,
        List<String> args,
        Integer timeoutMs,
        Integer memoryMb,
        Boolean network) {

    /** @return a request with only a language and code, every other field defaulted */
    public static ExecuteRequest of(String language, String code) {
        return new ExecuteRequest(language, null, code, null, null, null, null, null, null);
    }
}
