package dev.errand.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fast path for reading the config file without a YAML library: a flat map of
 * {@code key: value} lines with plain, single- or double-quoted (escape-free) scalars, comments
 * and document markers. Anything else makes {@link #parse} return null so the caller uses the
 * full YAML parser; it never guesses.
 */
final class FlatYaml {
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \\t]*:(?:[ \\t]+(.*))?");
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"'\\[\\]{}&*!|>%@`#,?:-][^#]*?");

    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");

    private FlatYaml() {}

    /** @return the values, or null when the text is not a flat map of simple scalars */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("#") || line.equals("---") || line.equals("...")) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                return null;
            }
            String value = entry.group(2) == null ? "" : entry.group(2);
            String scalar = scalar(value);
            if (scalar == null) {
                return null;
            }
            if (!seen.add(entry.group(1))) {
                return null;
            }
            if (!scalar.isEmpty()) {
                values.put(entry.group(1), scalar);
            }
        }
        return values;
    }

    // Returns "" for null-like values, null when the scalar needs the real YAML parser.
    private static String scalar(String value) {
        if (value.isEmpty() || value.startsWith("#") || NULLS.contains(value)) {
            return "";
        }
        if (value.startsWith("\"")) {
            int end = value.indexOf('"', 1);
            boolean simple = end > 0 && value.indexOf('\\') < 0 && isEndOfLine(value.substring(end + 1));
            return simple ? value.substring(1, end) : null;
        }
        if (value.startsWith("'")) {
            int end = value.indexOf('\'', 1);
            boolean simple = end > 0 && isEndOfLine(value.substring(end + 1));
            return simple ? value.substring(1, end) : null;
        }
        String plain = value.contains(" #") ? value.substring(0, value.indexOf(" #")).strip() : value;
        return PLAIN.matcher(plain).matches() && !plain.contains(": ") ? plain : null;
    }

    private static boolean isEndOfLine(String rest) {
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("#");
    }
}
