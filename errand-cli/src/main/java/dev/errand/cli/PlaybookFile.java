package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.GitSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one playbook file: YAML syntax, then the JSON schema ({@code playbook.schema.json}), then
 * the rules a schema cannot say (exactly one of {@code commands} and {@code script}, a readable
 * timeout, {@code {{name}}} only for declared params). Every error names {@code file:line:column}: of
 * the value when the value is wrong, of the key when a key is unknown or missing.
 * Thread-safe (the schema is loaded once).
 */
final class PlaybookFile {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern PARAM = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*}}");
    private static final Schema SCHEMA = loadSchema();

    private PlaybookFile() {}

    private static Schema loadSchema() {
        try (InputStream in = PlaybookFile.class.getResourceAsStream("playbook.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the playbook schema is missing from the CLI", e);
        }
    }

    /**
     * @return the playbook
     * @throws ErrandException {@code invalid_request} listing every problem as {@code file:line:column: message}
     */
    static Playbook read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String text;
        JsonNode root;
        YamlLocations where;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            where = YamlLocations.read(text);
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw ErrandException.invalid(file + ":" + (l == null ? "1:1" : l.getLineNr() + ":" + l.getColumnNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrandException.invalid("cannot read playbook " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ErrandException.invalid(file + ":1:1: a playbook is a YAML mapping (description, image, commands, ...)");
        }
        List<String> errors = new ArrayList<>();
        for (Error e : SCHEMA.validate(root)) {
            // An error naming a property (unknown, or required and missing) is about a key; the rest about a value.
            String pointer = pointer(e.getInstanceLocation());
            String at = e.getProperty() == null ? where.value(pointer) : where.key(pointer + "/" + e.getProperty());
            errors.add(file + ":" + at + ": " + e.getMessage());
        }
        if (errors.isEmpty() && root.has("commands") == root.has("script")) {
            errors.add(file + ":" + where.value("") + ": give exactly one of 'commands' (a list, joined with &&) or 'script'");
        }
        Integer timeout = errors.isEmpty() ? timeout(root.get("timeout"), file, where, errors) : null;
        if (!errors.isEmpty()) {
            throw ErrandException.invalid(String.join("\n", errors));
        }
        Playbook p = toPlaybook(name, file, root, timeout);
        undeclared(p, root, file, where, errors);
        if (!errors.isEmpty()) {
            throw ErrandException.invalid(String.join("\n", errors));
        }
        return p;
    }

    private static Playbook toPlaybook(String name, Path file, JsonNode root, Integer timeout) {
        List<String> commands = new ArrayList<>();
        root.path("commands").forEach(c -> commands.add(c.asText()));
        String command = root.has("script") ? root.get("script").asText() : String.join(" && ", commands);
        Map<String, String> env = new LinkedHashMap<>();
        root.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        List<String> secrets = new ArrayList<>();
        root.path("secrets").forEach(s -> secrets.add(s.asText()));
        JsonNode g = root.get("git");
        GitSource git = g == null ? null : new GitSource(g.get("repo").asText(), text(g, "ref"), text(g, "path"),
                text(g, "token_secret"));
        List<Playbook.Param> params = new ArrayList<>();
        root.path("params").forEach(p -> params.add(new Playbook.Param(p.get("name").asText(), text(p, "description"),
                text(p, "default"), p.path("required").asBoolean(false))));
        return new Playbook(name, file, text(root, "description"), text(root, "image"), command, env, secrets, git,
                timeout, text(root, "lock"), text(root, "lock_mode"),
                root.has("network") ? root.get("network").asBoolean() : null, params);
    }

    private static Integer timeout(JsonNode node, Path file, YamlLocations where, List<String> errors) {
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
        errors.add(file + ":" + where.value("/timeout") + ": timeout must be 1s to 7d, such as 90s, 10m, 1h or seconds");
        return null;
    }

    /** Reports each {@code {{name}}} that no param declares, at the string holding it. */
    private static void undeclared(Playbook p, JsonNode root, Path file, YamlLocations where, List<String> errors) {
        List<String> declared = p.params().stream().map(Playbook.Param::name).toList();
        scan(root, "", (pointer, value) -> {
            Matcher m = PARAM.matcher(value);
            while (m.find()) {
                if (!declared.contains(m.group(1))) {
                    errors.add(file + ":" + where.value(pointer) + ": {{" + m.group(1) + "}} is not a declared param"
                            + " (add it under 'params')");
                }
            }
        });
    }

    private static void scan(JsonNode node, String pointer, java.util.function.BiConsumer<String, String> visit) {
        if (node.isTextual()) {
            visit.accept(pointer, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> scan(e.getValue(), pointer + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), pointer + "/" + i, visit);
            }
        }
    }

    /** @return {@code text} with each {@code {{name}}} replaced by its value */
    static String substitute(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        return PARAM.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }

    private static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            b.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
