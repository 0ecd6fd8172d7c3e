package dev.errand.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML document starts, keyed by JSON pointer ({@code /git/repo},
 * {@code /commands/1}): an object member maps to the line of its key, an array element to its
 * value. Lines and columns are 1-based, as editors show them. Immutable once read.
 */
final class YamlLocations {
    private final Map<String, JsonLocation> byPointer;

    private YamlLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    /** @throws IOException for YAML syntax errors (the exception carries the location) */
    static YamlLocations read(String yaml) throws IOException {
        Map<String, JsonLocation> map = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() == null ? "" : containerPointer(p)
                        : p.getParsingContext().pathAsPointer().toString();
                map.putIfAbsent(pointer, p.currentTokenLocation());
            }
        }
        return new YamlLocations(map);
    }

    /** A container's own pointer is its parent's path (the member or element that holds it). */
    private static String containerPointer(JsonParser p) {
        return p.getParsingContext().getParent().pathAsPointer().toString();
    }

    /**
     * @param pointer a JSON pointer
     * @return {@code line:column} of the node, else of its nearest ancestor present
     */
    String at(String pointer) {
        for (String ptr = pointer; ; ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
            JsonLocation l = byPointer.get(ptr);
            if (l != null) {
                return l.getLineNr() + ":" + l.getColumnNr();
            }
            if (ptr.isEmpty()) {
                return "1:1";
            }
        }
    }
}
