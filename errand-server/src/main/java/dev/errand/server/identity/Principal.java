package dev.errand.server.identity;

/**
 * An authenticated caller.
 *
 * @param userId the user's id ({@code usr_...})
 * @param email the user's email
 * @param role the user's role at authentication time
 * @param keyId the id of the API key used ({@code key_...})
 */
public record Principal(String userId, String email, Role role, String keyId) {

    /** @return true when this caller may see and act on every user's executions */
    public boolean seesAll() {
        return role == Role.ADMIN || role == Role.OPERATOR || role == Role.VIEWER;
    }

    /** @return true when this caller may change state (start, kill) */
    public boolean mayChange() {
        return role != Role.VIEWER;
    }
}
