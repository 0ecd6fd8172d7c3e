package dev.errand.server.code;

import dev.errand.protocol.CodeFile;
import dev.errand.protocol.ErrandException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes a {@link CodeFile}'s content according to its encoding. Stateless. */
final class FileContents {
    private FileContents() {}

    /**
     * @return the file's bytes
     * @throws ErrandException {@code invalid_request} for missing content, an unknown encoding, or bad base64
     */
    static byte[] decode(CodeFile f) {
        if (f.content() == null) {
            throw ErrandException.invalid("file '" + f.name() + "' has no content");
        }
        String encoding = f.encoding() == null ? "utf8" : f.encoding();
        return switch (encoding) {
            case "utf8", "utf-8" -> f.content().getBytes(StandardCharsets.UTF_8);
            case "base64" -> {
                try {
                    yield Base64.getDecoder().decode(f.content().replaceAll("[\\r\\n]", ""));
                } catch (IllegalArgumentException e) {
                    throw ErrandException.invalid("file '" + f.name() + "' is not valid base64: " + e.getMessage());
                }
            }
            default -> throw ErrandException.invalid("file '" + f.name() + "' has encoding '" + encoding
                    + "': use utf8 or base64");
        };
    }
}
