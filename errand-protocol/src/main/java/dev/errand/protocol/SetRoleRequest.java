package dev.errand.protocol;

/**
 * The body of {@code PUT /api/v1/users/{user}/role} (admin).
 *
 * @param role the new role: {@code admin}, {@code operator}, {@code developer} or {@code viewer}
 */
public record SetRoleRequest(String role) {}
