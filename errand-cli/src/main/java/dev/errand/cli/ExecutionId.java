package dev.errand.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * An execution id as typed on the command line, checked before it becomes part of a URL path.
 *
 * @param value such as {@code ex_01hz3k...}: letters, digits, {@code _} and {@code -}, 1 to 64 characters
 */
record ExecutionId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Rejects anything that could escape the URL path segment. */
    ExecutionId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid execution id '" + value + "': expected an id such as ex_01hz3k...");
        }
    }

    @Override
    public String toString() {
        return value;
    }

    /** The picocli converter: a malformed id is a usage error (exit 2). */
    static final class Converter implements CommandLine.ITypeConverter<ExecutionId> {
        @Override
        public ExecutionId convert(String text) {
            try {
                return new ExecutionId(text.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
