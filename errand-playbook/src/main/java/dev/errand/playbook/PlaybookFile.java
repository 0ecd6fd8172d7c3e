package dev.errand.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.PlaybookParam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one playbook file: YAML syntax, then the JSON schema ({@link PlaybookSchema}), then the
 * rules a schema cannot say (exactly one of {@code commands} and {@code script}, a readable
 * timeout, {@code {{name}}} only for declared params). Every error names {@code file:line:column}
 * (1-based): of the value when the value is wrong, of the key when a key is unknown or missing; they
 * are listed in file order.
 * Stateless and thread-safe.
 */
public final class PlaybookFile {
    private static final ObjectMapper YAML = new YAMLMapper();
    /** Errors ({@code line:column: message}) as they appear in the file, top to bottom. */
    private static final Comparator<String> IN_FILE_ORDER = Comparator.comparingInt((String e) -> place(e, 0))
            .thenComparingInt(e -> place(e, 1));

    private PlaybookFile() {}

    /**
     * Reads a playbook from disk; its errors name the path as given.
     *
     * @return the playbook
     * @throws ErrandException {@code invalid_request} when the file cannot be read, or listing every
     *     problem, one a line, as {@code file:line:column: message}
     */
    public static Playbook read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ErrandException.invalid("cannot read playbook " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /**
     * Reads a playbook from its text.
     *
     * @param file the path or file name its errors start with; the playbook's name is its last
     *     segment without {@code .yaml}/{@code .yml}
     * @param yaml the file's text
     * @return the playbook
     * @throws ErrandException {@code invalid_request} listing every problem, one a line, as
     *     {@code file:line:column: message}
     */
    public static Playbook parse(String file, String yaml) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        JsonNode root;
        YamlLocations where;
        try {
            where = YamlLocations.read(yaml, YAML);
            root = where.document();
        } catch (JsonProcessingException e) {
            throw ErrandException.invalid(file + ":" + YamlLocations.syntaxError(e));
        } catch (IOException e) {
            throw ErrandException.invalid("cannot read playbook " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ErrandException.invalid(file + ":1:1: a playbook is a YAML mapping (description, image, commands, ...)");
        }
        List<String> errors = new ArrayList<>(PlaybookSchema.errors(root, where));
        if (errors.isEmpty() && root.has("commands") == root.has("script")) {
            errors.add(where.value("") + ": give exactly one of 'commands' (a list, joined with &&) or 'script'");
        }
        Integer timeout = errors.isEmpty() ? timeout(root.get("timeout"), where, errors) : null;
        if (errors.isEmpty()) {
            Playbook p = toPlaybook(name, file, root, timeout);
            Placeholders.undeclared(root, p.params().stream().map(PlaybookParam::name).toList(), (pointer, param) ->
                    errors.add(where.value(pointer) + ": {{" + param + "}} is not a declared param (add it under 'params')"));
            if (errors.isEmpty()) {
                return p;
            }
        }
        throw ErrandException.invalid(String.join("\n", errors.stream().sorted(IN_FILE_ORDER).map(e -> file + ":" + e)
                .toList()));
    }

    private static Playbook toPlaybook(String name, String file, JsonNode root, Integer timeout) {
        List<String> commands = new ArrayList<>();
        root.path("commands").forEach(c -> commands.add(c.asText()));
        String command = root.has("script") ? root.get("script").asText() : String.join(" && ", commands);
        Map<String, String> env = new LinkedHashMap<>();
        root.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        List<String> secrets = new ArrayList<>();
        root.path("secrets").forEach(s -> secrets.add(s.asText()));
        JsonNode g = root.get("git");
        GitSource git = g == null ? null : new GitSource(g.get("repo").asText(), text(g, "ref"), text(g, "path"),
                text(g, "token_secret"));
        List<PlaybookParam> params = new ArrayList<>();
        root.path("params").forEach(p -> params.add(new PlaybookParam(p.get("name").asText(), text(p, "description"),
                text(p, "default"), p.path("required").asBoolean(false))));
        return new Playbook(name, file, text(root, "description"), text(root, "image"), command,
                Collections.unmodifiableMap(env), List.copyOf(secrets), git, timeout, text(root, "lock"),
                text(root, "lock_mode"), root.has("network") ? root.get("network").asBoolean() : null, List.copyOf(params));
    }

    private static Integer timeout(JsonNode node, YamlLocations where, List<String> errors) {
        if (node == null) {
            return null;
        }
        try {
            long seconds = node.isInt() ? node.asLong() : DurationText.parse(node.asText()).toSeconds();
            if (seconds >= 1 && seconds <= 604_800) {
                return (int) seconds;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        errors.add(where.value("/timeout") + ": timeout must be 1s to 7d, such as 90s, 10m, 1h or seconds");
        return null;
    }

    private static int place(String error, int part) {
        return Integer.parseInt(error.split(":", 3)[part]);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
