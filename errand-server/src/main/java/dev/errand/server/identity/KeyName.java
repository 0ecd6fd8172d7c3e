package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import java.util.regex.Pattern;

/**
 * The name of an API key, such as {@code laptop} or {@code ci@build-01}: 1 to 64 letters,
 * digits, {@code .}, {@code _}, {@code -} and {@code @}, starting with a letter or digit.
 *
 * @param value the name
 */
public record KeyName(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** @throws ErrandException {@code invalid_request} for a missing or malformed name */
    public KeyName {
        if (value == null || value.isBlank()) {
            throw ErrandException.invalid("key name is missing");
        }
        value = value.strip();
        if (!SHAPE.matcher(value).matches()) {
            throw ErrandException.invalid("key name '" + (value.length() > 80 ? value.substring(0, 80) + "…" : value)
                    + "' is not valid: use 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
        }
    }
}
