package dev.errand.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A secret as the API shows it. The value appears only in the answer to
 * {@code GET /api/v1/secrets/{name}?reveal=true}, which only admins may call.
 *
 * @param name the secret's name, {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param envName the environment variable it is injected as
 * @param description free text, or null
 * @param roles the roles (besides admin and operator) that may use it; empty means every role that may run
 * @param createdBy email of the user who created it
 * @param createdAt when it was created
 * @param updatedBy email of the user who last changed it
 * @param updatedAt when it was last changed
 * @param value the plaintext value, only when revealed; else null
 */
public record SecretView(String name, String envName, String description, List<String> roles, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt, String value) {}
