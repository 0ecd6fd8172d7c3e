package dev.errand.server.lock;

import dev.errand.protocol.ErrandException;
import java.util.regex.Pattern;

/**
 * A valid lock name: 1 to 64 letters, digits, {@code .}, {@code _} and {@code -},
 * starting with a letter or digit (such as {@code prod-terraform}), so it needs no escaping in a
 * URL path.
 *
 * @param value the name
 */
public record LockName(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** @throws ErrandException {@code invalid_request} naming the bad name and the rule */
    public LockName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw ErrandException.invalid("lock name '" + value + "' is not valid: use 1 to 64 letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit");
        }
    }

    /** @return the lock name, or null when {@code text} is null or blank */
    public static String parseOrNull(String text) {
        return text == null || text.isBlank() ? null : new LockName(text).value();
    }
}
