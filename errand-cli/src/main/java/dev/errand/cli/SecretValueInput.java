package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;

/**
 * Reads a secret value the way that keeps it out of shell history and the process list: a hidden
 * prompt, typed twice, when stdin is a terminal; otherwise all of stdin (one trailing newline
 * dropped), as in {@code errand secrets create db < password.txt}. Never from an argument.
 */
final class SecretValueInput {
    private static final int MAX_CHARS = 64 * 1024;

    private SecretValueInput() {}

    /**
     * @return the value
     * @throws ErrandException {@code invalid_request} when it is empty, too long, or the two typings differ
     */
    static String read(CliEnvironment env, String name) throws IOException {
        String value;
        if (env.stdinIsTty()) {
            value = env.readSecret("value of secret " + name + ": ");
            String again = env.readSecret("again: ");
            if (value != null && !value.equals(again)) {
                throw ErrandException.invalid("the two values differ; nothing was changed");
            }
        } else {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n = env.in().read(buf); n >= 0 && b.length() <= MAX_CHARS; n = env.in().read(buf)) {
                b.append(buf, 0, n);
            }
            value = b.toString();
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            } else if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
        }
        if (value == null || value.isEmpty()) {
            throw new ErrandException(ErrorCode.INVALID_REQUEST, "no value given: pipe it on stdin"
                    + " (errand secrets create NAME --env-name VAR < file) or type it at the prompt");
        }
        if (value.length() > MAX_CHARS) {
            throw ErrandException.invalid("the value is over 64 KiB");
        }
        return value;
    }
}
