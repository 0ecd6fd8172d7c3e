package dev.errand.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON schema every playbook must meet ({@code playbook.schema.json}, draft 2020-12, beside
 * this class). Thread-safe: the schema is loaded once.
 */
final class PlaybookSchema {
    private static final Schema SCHEMA = load();

    private PlaybookSchema() {}

    private static Schema load() {
        try (InputStream in = PlaybookSchema.class.getResourceAsStream("playbook.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("playbook.schema.json is missing from errand-playbook");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("playbook.schema.json cannot be read from errand-playbook", e);
        }
    }

    /**
     * @param root the playbook's document
     * @param where the document's node locations
     * @return each schema error as {@code line:column: message}: of the key when a key is unknown
     *     or missing, of the value otherwise; empty when the document meets the schema
     */
    static List<String> errors(JsonNode root, YamlLocations where) {
        List<String> out = new ArrayList<>();
        for (Error e : SCHEMA.validate(root)) {
            // An error naming a property (unknown, or required and missing) is about a key; the rest about a value.
            String pointer = pointer(e.getInstanceLocation());
            String at = e.getProperty() == null ? where.value(pointer) : where.key(pointer + "/" + e.getProperty());
            out.add(at + ": " + e.getMessage());
        }
        return out;
    }

    private static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            b.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }
}
