package dev.errand.server.code;

import java.util.regex.Pattern;

/**
 * The rule for source file names: 1 to 128 characters from {@code A-Z a-z 0-9 . _ + -}, neither
 * {@code .} nor {@code ..} nor containing {@code ..}. So a name is always one plain entry of the
 * run's working directory and safe to quote in a shell word. Stateless.
 */
final class SourceNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]{1,128}");

    private SourceNames() {}

    /** @return true when {@code name} follows the rule */
    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..") && !name.equals(".");
    }
}
