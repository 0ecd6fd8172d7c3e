package dev.errand.server.secret;

import java.time.Instant;
import java.util.List;

/**
 * A stored secret; the value only as ciphertext.
 *
 * @param name the unique name
 * @param envName the environment variable it is injected as
 * @param description free text, or null
 * @param roles role names (besides admin and operator) that may use it; empty for every role that may run
 * @param ciphertext base64 Tink AEAD ciphertext of the value, bound to the name
 * @param createdBy creator's email
 * @param createdAt creation time
 * @param updatedBy last changer's email
 * @param updatedAt last change time
 */
public record Secret(String name, String envName, String description, List<String> roles, String ciphertext,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
    /** Copies the roles. */
    public Secret {
        roles = List.copyOf(roles);
    }
}
