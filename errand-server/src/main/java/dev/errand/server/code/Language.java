package dev.errand.server.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One language of the catalogue ({@code code/languages.yaml}); the YAML documents each field.
 *
 * @param id the name requests use: lower-case letters, digits, {@code +}, {@code #} and {@code -}
 * @param name a display name
 * @param aliases other accepted names
 * @param version the version Debian ships (the installed one is detected at start)
 * @param packages the Debian packages that provide it, at least one
 * @param file the file name a request's {@code code} is saved as
 * @param compile the compile command run by {@code /bin/sh -c} in {@code /work}, or null
 * @param run the program's command: a simple command (no {@code ; | & < >}); args are appended
 * @param versionCommand a shell command printing the version
 * @param paths absolute paths outside {@code /usr} the toolchain reads, bound read-only
 * @param env extra environment variables
 * @param memoryOverheadMb address space the runtime needs beyond the request's {@code memory_mb}
 * @param cache whether compiled artefacts may be reused for identical sources (compiled languages)
 * @param compileTimeoutMs this language's compile limit in ms, or 0 for the server default
 * @param preload the launcher each sandbox starts while it waits, as a command line (the
 *     interpreter and its arguments, the launcher's source among them; see {@code errand-stub
 *     preload}), or empty to start the run command only when the request comes. Only for
 *     languages without a compile step. A word may hold {@code {memory_mb}}: the launcher then
 *     starts with the server's default memory limit and serves only runs that use it
 */
public record Language(
        String id,
        String name,
        List<String> aliases,
        String version,
        List<String> packages,
        String file,
        String compile,
        String run,
        String versionCommand,
        List<Path> paths,
        Map<String, String> env,
        int memoryOverheadMb,
        boolean cache,
        int compileTimeoutMs,
        List<String> preload) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9+#-]{0,31}");
    private static final Pattern SHELL_OPERATOR = Pattern.compile("[;|&<>`]");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the language and the broken field
     */
    public Language {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("language id '" + id + "' must match " + ID);
        }
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        packages = List.copyOf(packages == null ? List.of() : packages);
        paths = List.copyOf(paths == null ? List.of() : paths);
        env = Map.copyOf(env == null ? Map.of() : env);
        preload = List.copyOf(preload == null ? List.of() : preload);
        require(id, "name", name);
        require(id, "version", version);
        require(id, "run", run);
        require(id, "version_command", versionCommand);
        if (!SourceNames.valid(file)) {
            throw new IllegalArgumentException(id + ": file '" + file + "' is not a valid file name");
        }
        if (packages.isEmpty()) {
            throw new IllegalArgumentException(id + ": packages must list at least one Debian package");
        }
        if (SHELL_OPERATOR.matcher(run).find()) {
            throw new IllegalArgumentException(id + ": run must be a simple command, got '" + run + "'");
        }
        for (Path p : paths) {
            if (!p.isAbsolute() || p.startsWith("/usr")) {
                throw new IllegalArgumentException(id + ": paths must be absolute and outside /usr: " + p);
            }
        }
        if (!preload.isEmpty() && compile != null && !compile.isBlank()) {
            throw new IllegalArgumentException(id + ": preload is for languages without a compile step");
        }
        if (memoryOverheadMb < 0 || compileTimeoutMs < 0) {
            throw new IllegalArgumentException(id + ": memory_overhead_mb and compile_timeout_ms must not be negative");
        }
    }

    private static void require(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": " + field + " is required");
        }
    }

    /** @return true when a compile step runs before the program */
    public boolean compiled() {
        return compile != null && !compile.isBlank();
    }

    /** @return the compile command for this main file and memory limit (see {@link #expand}) */
    public String compileCommand(String mainFile, int memoryMb) {
        return expand(compile, mainFile, memoryMb);
    }

    /** @return the run command for this main file and memory limit */
    public String runCommand(String mainFile, int memoryMb) {
        return expand(run, mainFile, memoryMb);
    }

    /** Replaces {@code {file}}, {@code {stem}} and {@code {memory_mb}}. */
    static String expand(String template, String mainFile, int memoryMb) {
        int dot = mainFile.lastIndexOf('.');
        String stem = dot > 0 ? mainFile.substring(0, dot) : mainFile;
        return template.replace("{file}", mainFile).replace("{stem}", stem)
                .replace("{memory_mb}", Integer.toString(memoryMb));
    }

    /**
     * @return the programs the compile and run commands start (the first word of each simple
     *     command, skipping {@code ./} paths and assignments): all must exist for the language to run
     */
    public List<String> programs() {
        List<String> out = new ArrayList<>();
        String commands = (compiled() ? compile + " && " : "") + run;
        for (String part : commands.split("&&|\\|\\||;|\\|")) {
            for (String word : part.strip().split("\\s+")) {
                if (word.isEmpty() || word.contains("=")) {
                    continue;
                }
                if (!word.startsWith("./") && !out.contains(word)) {
                    out.add(word);
                }
                break;
            }
        }
        return out;
    }

    /** @return the {@link #preload} command with {@code {memory_mb}} set to {@code memoryMb} */
    public List<String> preloadCommand(int memoryMb) {
        return preload.stream().map(w -> w.replace("{memory_mb}", Integer.toString(memoryMb))).toList();
    }

    /**
     * @param memoryMb the run's memory limit
     * @param defaultMemoryMb the limit the launchers were started with
     * @return true when a preloaded launcher can run a program with this memory limit exactly as
     *     the run command would
     */
    public boolean preloadServes(int memoryMb, int defaultMemoryMb) {
        return !preload.isEmpty() && (memoryMb == defaultMemoryMb
                || preload.stream().noneMatch(w -> w.contains("{memory_mb}")));
    }

    /** @return true when {@code name} is this language's id or one of its aliases (case-insensitive) */
    public boolean answersTo(String name) {
        Objects.requireNonNull(name, "name");
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }
}
