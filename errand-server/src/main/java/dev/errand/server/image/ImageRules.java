package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ImageRequest;
import dev.errand.server.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the fields of an image request, each failure an {@code invalid_request} naming the field. */
final class ImageRules {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,99}");
    private static final Pattern SUITE = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private ImageRules() {}

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ErrandException.invalid("image name '" + name + "' is not valid: use 1 to 64 lower-case letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    static String rootfs(String rootfs) {
        if (rootfs == null || !rootfs.startsWith("/")) {
            throw ErrandException.invalid("rootfs must be an absolute directory on the server, got '" + rootfs + "'");
        }
        Path dir = Path.of(rootfs).normalize();
        if (!Files.isRegularFile(dir.resolve("bin/sh")) && !Files.isRegularFile(dir.resolve("usr/bin/sh"))) {
            throw ErrandException.invalid("rootfs " + dir + " has no bin/sh: it must hold a root filesystem"
                    + " (build one with 'errand images build')");
        }
        return dir.toString();
    }

    /** Checks the defaults of a request; null fields are left for the caller to keep or default. */
    static void defaults(ImageRequest r, int maxTimeout) {
        check(r.cpus() == null || r.cpus() >= 0.01 && r.cpus() <= 64, "cpus must be between 0.01 and 64");
        check(r.memoryMb() == null || r.memoryMb() >= 16, "memory_mb must be at least 16");
        check(r.maxProcesses() == null || r.maxProcesses() >= 1, "max_processes must be at least 1");
        check(r.cpuSeconds() == null || r.cpuSeconds() >= 1, "cpu_seconds must be at least 1");
        check(r.timeoutSeconds() == null || r.timeoutSeconds() >= 1 && r.timeoutSeconds() <= maxTimeout,
                "timeout_seconds must be between 1 and " + maxTimeout);
        check(r.user() == null || r.user().equals("root") || r.user().matches("[0-9]{1,5}") && Integer.parseInt(r.user()) <= 65535,
                "user must be 'root' or a numeric user id up to 65535");
        check(r.workdir() == null || r.workdir().startsWith("/") && !r.workdir().contains(".."),
                "workdir must be an absolute directory inside the sandbox without '..'");
        if (r.env() != null) {
            for (String key : r.env().keySet()) {
                check(ENV_NAME.matcher(key).matches() && !key.startsWith("ERRAND_"), "env name '" + key
                        + "' is not valid (letters, digits and _, not starting with a digit or ERRAND_)");
            }
        }
        if (r.roles() != null) {
            r.roles().forEach(Role::parse);
        }
    }

    static String suite(String suite) {
        check(suite != null && SUITE.matcher(suite).matches(), "suite must be a Debian suite name such as bookworm");
        return suite;
    }

    static List<String> packages(List<String> packages) {
        List<String> out = packages == null ? List.of() : packages.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        out.forEach(p -> check(PACKAGE.matcher(p).matches(), "'" + p + "' is not a Debian package name"));
        return out;
    }

    static Map<String, String> env(Map<String, String> env) {
        return env == null ? Map.of() : Map.copyOf(env);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw ErrandException.invalid(message);
        }
    }
}
