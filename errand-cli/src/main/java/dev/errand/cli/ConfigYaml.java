package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.errand.protocol.ErrandException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the config file. Reading takes {@link FlatYaml}'s fast path for the flat
 * {@code key: value} files the CLI writes itself, so ordinary commands never load the YAML
 * library (start-up time); anything fancier falls back to Jackson YAML, which also does all writing.
 */
final class ConfigYaml {
    private ConfigYaml() {}

    /** @return the top-level string values of the document (null values left out) */
    static Map<String, String> parse(String text, Path source) {
        Map<String, String> fast = FlatYaml.parse(text);
        return fast != null ? fast : parseFull(text, source);
    }

    /** Writes the config, keeping any other top-level keys already in the file. */
    static void write(Path path, CliConfig config) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        if (Files.exists(path)) {
            try {
                document.putAll(yaml().readValue(Files.readString(path), Map.class));
            } catch (IOException | RuntimeException unreadable) {
                // Rewriting a broken file from scratch is what the user asked for.
            }
        }
        put(document, "endpoint", config.endpoint());
        put(document, "api_key", config.apiKey());
        Path dir = path.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
        }
        Path temp = posix
                ? Files.createTempFile(dir, ".config-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".config-", ".tmp");
        try {
            Files.writeString(temp, yaml().writeValueAsString(document));
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void put(Map<String, Object> document, String key, String value) {
        if (value == null) {
            document.remove(key);
        } else {
            document.put(key, value);
        }
    }

    private static Map<String, String> parseFull(String text, Path source) {
        Object document;
        try {
            document = yaml().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw ErrandException.invalid("the config file " + source + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw ErrandException.invalid("the config file " + source + " must be a YAML map with 'endpoint' and 'api_key'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                values.put(String.valueOf(k), v.toString());
            }
        });
        return values;
    }

    private static ObjectMapper yaml() {
        return YamlLibrary.mapper();
    }

    // A separate class so that reading a flat file never even loads the YAML library's classes.
    private static final class YamlLibrary {
        static ObjectMapper mapper() {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
        }
    }
}
