package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env}-style file: {@code KEY=VALUE} per line, blank lines and {@code #} comments
 * skipped, an optional {@code export } prefix, and a value in matching single or double quotes
 * taken literally without them. No variable expansion. Stateless.
 */
final class EnvFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {}

    /**
     * @return the variables in file order
     * @throws ErrandException {@code invalid_request} naming {@code file:line} for a bad line or an unreadable file
     */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ErrandException.invalid("env file " + file + " does not exist");
        } catch (IOException e) {
            throw ErrandException.invalid("cannot read env file " + file + ": " + e.getMessage());
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw ErrandException.invalid(file + ":" + (i + 1) + ": expected KEY=VALUE with KEY made of letters,"
                        + " digits and _, got '" + Table.cut(lines.get(i), 40) + "'");
            }
            vars.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return vars;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
