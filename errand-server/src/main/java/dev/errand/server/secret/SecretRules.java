package dev.errand.server.secret;

import dev.errand.protocol.ErrandException;
import dev.errand.server.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The checks on a secret's fields, each failure an {@code invalid_request} naming the field. */
final class SecretRules {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    /** Shorter values would be masked everywhere they happen to occur in a log, garbling it. */
    static final int MIN_VALUE_CHARS = 4;
    static final int MAX_VALUE_BYTES = 64 * 1024;

    private SecretRules() {}

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ErrandException.invalid("secret name '" + name + "' is not valid: use 1 to 64 lower-case letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    static String envName(String env) {
        if (env == null || !ENV_NAME.matcher(env).matches()) {
            throw ErrandException.invalid("env_name '" + env + "' is not a valid environment variable name: use"
                    + " letters, digits and _, not starting with a digit");
        }
        if (env.startsWith("ERRAND_")) {
            throw ErrandException.invalid("env_name '" + env + "' is reserved: names starting with ERRAND_ are set by Errand");
        }
        return env;
    }

    static String value(String value) {
        if (value == null || value.length() < MIN_VALUE_CHARS) {
            throw ErrandException.invalid("the secret value must be at least " + MIN_VALUE_CHARS + " characters, so"
                    + " that masking it does not garble logs");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES || value.indexOf('\0') >= 0) {
            throw ErrandException.invalid("the secret value must be at most 64 KiB and contain no NUL byte");
        }
        return value;
    }

    static String description(String description) {
        if (description != null && description.length() > 1000) {
            throw ErrandException.invalid("description is over 1000 characters");
        }
        return description;
    }

    static List<String> roles(List<String> roles) {
        if (roles == null) {
            return List.of();
        }
        return roles.stream().map(r -> Role.parse(r).wireName()).distinct().sorted().toList();
    }
}
