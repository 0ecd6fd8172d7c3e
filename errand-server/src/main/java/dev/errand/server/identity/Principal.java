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

    /** @return true when the standard {@link AccessPolicy} lets this caller read every user's executions */
    public boolean seesAll() {
        return AccessPolicy.standard().scope(role, Action.EXECUTION_READ) == Scope.ALL;
    }

    /** @return true when the standard {@link AccessPolicy} lets this caller start executions */
    public boolean mayChange() {
        return AccessPolicy.standard().scope(role, Action.EXECUTION_CREATE) != Scope.NONE;
    }
}
