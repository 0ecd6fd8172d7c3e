package dev.errand.server.code;

import dev.errand.protocol.CodeFile;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an {@link ExecuteRequest} into a {@link Job}, or refuses it with {@code invalid_request}
 * and a message that says what to change. Nothing is started for a refused request. Thread-safe.
 */
final class CodeRequests {
    private final LanguageCatalogue catalogue;
    private final Roots roots;
    private final LanguageVersions versions;
    private final CodeConfig config;
    private final Clock clock;

    CodeRequests(LanguageCatalogue catalogue, Roots roots, LanguageVersions versions, CodeConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.roots = roots;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return the validated job, with a new id
     * @throws ErrandException {@code invalid_request} naming the first problem
     */
    Job validate(Principal caller, ExecuteRequest r, String requestId) {
        Language l = language(r.language(), r.version());
        List<SourceFile> files = files(r, l);
        byte[] stdin = r.stdin() == null ? new byte[0] : r.stdin().getBytes(StandardCharsets.UTF_8);
        if (stdin.length > CodeLimits.MAX_SOURCE_BYTES) {
            throw ErrandException.invalid("stdin is " + stdin.length + " bytes; the limit is 1 MiB ("
                    + CodeLimits.MAX_SOURCE_BYTES + " bytes)");
        }
        CodeLimits limits = config.limits();
        int timeout = bounded("timeout_ms", r.timeoutMs(), limits.defaultTimeoutMs(), 1, limits.maxTimeoutMs());
        int memory = bounded("memory_mb", r.memoryMb(), limits.defaultMemoryMb(), CodeLimits.MIN_MEMORY_MB,
                limits.maxMemoryMb());
        boolean network = Boolean.TRUE.equals(r.network());
        if (network && !config.allowNetwork()) {
            throw ErrandException.invalid("network access is disabled for code runs on this server; leave network"
                    + " unset (an admin can allow it with ERRAND_CODE_ALLOW_NETWORK=1)");
        }
        return new Job(Ids.next("ex_"), caller, requestId, l, versions.version(l), files, stdin, args(r.args()),
                timeout, memory, network, clock.instant());
    }

    private Language language(String name, String version) {
        if (name == null || name.isBlank()) {
            throw ErrandException.invalid("language is required, such as \"python\"; GET /api/v1/languages lists them");
        }
        Language l = catalogue.find(name).orElseThrow(() -> {
            List<String> close = catalogue.closeMatches(name);
            return ErrandException.invalid("unknown language '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " GET /api/v1/languages lists all " + catalogue.all().size());
        });
        if (roots.resolve(l).isEmpty()) {
            throw ErrandException.invalid("language '" + l.id() + "' is in the catalogue but not installed on this"
                    + " server; an admin can run 'errand languages install " + l.id() + "'");
        }
        if (version != null && !version.isBlank() && !versions.matches(l, version)) {
            throw ErrandException.invalid("version '" + version + "' of " + l.id() + " is not available; this server"
                    + " has " + l.id() + " " + versions.version(l));
        }
        return l;
    }

    private static List<SourceFile> files(ExecuteRequest r, Language l) {
        boolean hasCode = r.code() != null;
        boolean hasFiles = r.files() != null && !r.files().isEmpty();
        if (hasCode == hasFiles) {
            throw ErrandException.invalid(hasCode ? "give either code or files, not both"
                    : "code is required (or files: [{\"name\": ..., \"content\": ...}])");
        }
        if (hasCode) {
            byte[] code = r.code().getBytes(StandardCharsets.UTF_8);
            checkSize("code", code.length);
            return List.of(new SourceFile(l.file(), code));
        }
        if (r.files().size() > CodeLimits.MAX_FILES) {
            throw ErrandException.invalid("files has " + r.files().size() + " entries; the limit is " + CodeLimits.MAX_FILES);
        }
        List<SourceFile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (CodeFile f : r.files()) {
            String name = f == null ? null : f.name();
            if (!SourceNames.valid(name)) {
                throw ErrandException.invalid("file name '" + name + "' is not allowed: use 1 to 128 of A-Z a-z 0-9"
                        + " . _ + - (no '/', no '..')");
            }
            if (!names.add(name)) {
                throw ErrandException.invalid("file name '" + name + "' appears twice");
            }
            byte[] content = FileContents.decode(f);
            total += content.length;
            checkSize("the files' content", total);
            out.add(new SourceFile(name, content));
        }
        return out;
    }

    private static void checkSize(String what, long bytes) {
        if (bytes > CodeLimits.MAX_SOURCE_BYTES) {
            throw ErrandException.invalid(what + " is over 1 MiB (" + bytes + " bytes); the limit is "
                    + CodeLimits.MAX_SOURCE_BYTES + " bytes");
        }
    }

    private static List<String> args(List<String> args) {
        if (args == null) {
            return List.of();
        }
        if (args.size() > CodeLimits.MAX_ARGS) {
            throw ErrandException.invalid("args has " + args.size() + " entries; the limit is " + CodeLimits.MAX_ARGS);
        }
        for (String a : args) {
            if (a == null || a.indexOf('\0') >= 0 || a.getBytes(StandardCharsets.UTF_8).length > CodeLimits.MAX_ARG_BYTES) {
                throw ErrandException.invalid("each of args must be a string of at most " + CodeLimits.MAX_ARG_BYTES
                        + " bytes without NUL characters");
            }
        }
        return args;
    }

    private static int bounded(String field, Integer value, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            throw ErrandException.invalid(field + " must be between " + min + " and " + max
                    + " (the server's maximum), got " + value);
        }
        return value;
    }
}
