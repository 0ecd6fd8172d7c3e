package dev.errand.server.execution;

import dev.errand.protocol.ErrandException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the parts of an execution request, each failure an {@code invalid_request} with a clear message. */
final class RequestValidation {
    static final int MAX_COMMAND_BYTES = 64 * 1024;
    static final int MAX_ENV_ENTRIES = 256;
    static final int MAX_ENV_VALUE_BYTES = 32 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");

    private RequestValidation() {}

    static String command(String command) {
        if (command == null || command.isBlank()) {
            throw ErrandException.invalid("command is empty: give the shell command line to run");
        }
        int bytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMMAND_BYTES) {
            throw ErrandException.invalid("command is " + bytes + " bytes; the limit is " + MAX_COMMAND_BYTES
                    + " (64 KiB): put long scripts in a file in a git source instead");
        }
        if (command.indexOf('\0') >= 0) {
            throw ErrandException.invalid("command contains a NUL byte");
        }
        return command;
    }

    static Map<String, String> env(Map<String, String> env) {
        if (env == null) {
            return Map.of();
        }
        if (env.size() > MAX_ENV_ENTRIES) {
            throw ErrandException.invalid("env has " + env.size() + " entries; the limit is " + MAX_ENV_ENTRIES);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (!ENV_NAME.matcher(name).matches()) {
                throw ErrandException.invalid("env name '" + name + "' is not valid: use letters, digits and _,"
                        + " not starting with a digit");
            }
            if (name.startsWith("ERRAND_")) {
                throw ErrandException.invalid("env name '" + name + "' is reserved: names starting with ERRAND_"
                        + " are set by Errand");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.indexOf('\0') >= 0) {
                throw ErrandException.invalid("env value of '" + name + "' contains a NUL byte");
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_ENV_VALUE_BYTES) {
                throw ErrandException.invalid("env value of '" + name + "' is over 32 KiB");
            }
            out.put(name, value);
        }
        return out;
    }

    /** @throws ErrandException naming an env variable that a secret would also set */
    static void noClash(Map<String, String> env, Map<String, String> secretEnvNames) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : secretEnvNames.entrySet()) {
            if (env.containsKey(s.getValue())) {
                throw ErrandException.invalid("env variable '" + s.getValue() + "' is also set by secret '" + s.getKey()
                        + "': remove it from env (a secret is never silently overridden)");
            }
            String other = seen.put(s.getValue(), s.getKey());
            if (other != null) {
                throw ErrandException.invalid("secrets '" + other + "' and '" + s.getKey() + "' both set '"
                        + s.getValue() + "': use only one of them");
            }
        }
    }

    /** @return true for lock mode {@code fail}, false for {@code queue} or none */
    static boolean failFast(String lockMode, String lock) {
        if (lockMode == null || lockMode.equals("queue")) {
            return false;
        }
        if (!lockMode.equals("fail")) {
            throw ErrandException.invalid("lock_mode must be 'queue' or 'fail', got '" + lockMode + "'");
        }
        if (lock == null) {
            throw ErrandException.invalid("lock_mode 'fail' needs a lock");
        }
        return true;
    }

    static int timeout(Integer requested, ExecutionConfig config) {
        if (requested == null) {
            return config.defaultTimeoutSeconds();
        }
        if (requested < 1 || requested > config.maxTimeoutSeconds()) {
            throw ErrandException.invalid("timeout_seconds must be between 1 and " + config.maxTimeoutSeconds()
                    + ", got " + requested);
        }
        return requested;
    }
}
