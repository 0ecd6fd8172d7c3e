package dev.errand.server.code;

import java.util.Objects;

/**
 * One file of a run, validated.
 *
 * @param name a name that {@link SourceNames#valid} accepts
 * @param content the bytes
 */
record SourceFile(String name, byte[] content) {
    SourceFile {
        if (!SourceNames.valid(name)) {
            throw new IllegalArgumentException("invalid source file name: " + name);
        }
        Objects.requireNonNull(content, "content");
    }
}
