package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code POST /api/v1/secrets} (create: every field but {@code description} and
 * {@code roles} required) and {@code PUT /api/v1/secrets/{name}} (update: {@code name} absent,
 * any other field, null leaves it unchanged). Unknown fields are rejected.
 *
 * @param name the secret's name, {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param envName the environment variable it is injected as, {@code [A-Za-z_][A-Za-z0-9_]*}, not {@code ERRAND_*}
 * @param description free text up to 1000 characters
 * @param value the plaintext value, 4 characters to 64 KiB
 * @param roles the roles that may use it ({@code developer}); empty or null for every role that may run
 */
public record SecretRequest(String name, String envName, String description, String value, List<String> roles) {}
