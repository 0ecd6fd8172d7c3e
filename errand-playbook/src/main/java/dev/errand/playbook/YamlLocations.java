package dev.errand.playbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read once: its tree, and where each node starts, keyed by JSON pointer
 * ({@code /git/repo}, {@code /commands/1}): for an object member both where its key and where its
 * value start, for an array element where its value starts. Lines and columns are 1-based, as
 * editors show them. Immutable once read.
 */
final class YamlLocations {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private final JsonNode document;
    private final Map<String, JsonLocation> keys;
    private final Map<String, JsonLocation> values;

    private YamlLocations(JsonNode document, Map<String, JsonLocation> keys, Map<String, JsonLocation> values) {
        this.document = document;
        this.keys = keys;
        this.values = values;
    }

    /**
     * Parses {@code yaml} once, keeping the tree and the locations.
     *
     * @param mapper builds the tree
     * @throws IOException for YAML syntax errors (the exception carries the location)
     */
    static YamlLocations read(String yaml, ObjectMapper mapper) throws IOException {
        Map<String, JsonLocation> keys = new HashMap<>();
        Map<String, JsonLocation> values = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(yaml); TokenBuffer tokens = new TokenBuffer(p)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.copyCurrentEvent(p);
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                if (t == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                    continue;
                }
                String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() == null ? "" : containerPointer(p)
                        : p.getParsingContext().pathAsPointer().toString();
                values.putIfAbsent(pointer, p.currentTokenLocation());
            }
            try (JsonParser replay = tokens.asParser(mapper)) {
                return new YamlLocations(mapper.readTree(replay), keys, values);
            }
        }
    }

    /** @return the document's tree, or null when it is empty */
    JsonNode document() {
        return document;
    }

    /**
     * Describes a syntax error on one line, where SnakeYAML found the problem (Jackson's own location
     * is where the last good token ended), with what it was parsing and where that started.
     *
     * @param e the error {@link #read} threw
     * @return such as {@code 3:3: not valid YAML: expected <block end>, but found '?' (while parsing
     *     a block collection at 2:3)}
     */
    static String syntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : " (" + m.getContext()
                        + (m.getContextMark() == null ? "" : " at " + at(m.getContextMark())) + ")";
                return at(m.getProblemMark()) + ": not valid YAML: " + m.getProblem() + context;
            }
        }
        JsonLocation l = e.getLocation();
        return (l == null ? "1:1" : l.getLineNr() + ":" + l.getColumnNr()) + ": not valid YAML: "
                + e.getOriginalMessage().strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String at(Mark mark) {
        return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** A container's own pointer is its parent's path (the member or element that holds it). */
    private static String containerPointer(JsonParser p) {
        return p.getParsingContext().getParent().pathAsPointer().toString();
    }

    /**
     * For problems with a value: a wrong type, a bad timeout, an undeclared placeholder.
     *
     * @param pointer a JSON pointer
     * @return {@code line:column} where the node's value starts, else where its nearest ancestor present does
     */
    String value(String pointer) {
        return find(pointer, values, keys);
    }

    /**
     * For problems with a key: an unknown one, or one missing from the mapping a key names.
     *
     * @param pointer a JSON pointer
     * @return {@code line:column} of the key naming the node (of the value, for an array element or
     *     the document), else of its nearest ancestor present
     */
    String key(String pointer) {
        return find(pointer, keys, values);
    }

    private static String find(String pointer, Map<String, JsonLocation> first, Map<String, JsonLocation> second) {
        for (String ptr = pointer; ; ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
            JsonLocation l = first.getOrDefault(ptr, second.get(ptr));
            if (l != null) {
                return l.getLineNr() + ":" + l.getColumnNr();
            }
            if (ptr.isEmpty()) {
                return "1:1";
            }
        }
    }
}
