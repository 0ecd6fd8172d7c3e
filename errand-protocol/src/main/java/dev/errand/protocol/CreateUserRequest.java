package dev.errand.protocol;

/**
 * The body of {@code POST /api/v1/users} (admin). Unknown fields are rejected.
 *
 * @param email the person's email address; stored lower-case; at most 254 characters
 * @param role {@code admin}, {@code operator}, {@code developer} or {@code viewer} (any case)
 */
public record CreateUserRequest(String email, String role) {}
