package dev.errand.server.identity;

import static dev.errand.server.identity.Scope.ALL;
import static dev.errand.server.identity.Scope.NONE;
import static dev.errand.server.identity.Scope.OWN;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that decides who may do what (DESIGN.md §5). Every route names an
 * {@link Action}; the HTTP layer asks {@link #permit} before the handler runs (403 when the role
 * lacks it), and services ask {@link #requireAccess} or {@link #ownerFilter} once they know whose
 * resource it is (404 for someone else's when the role's scope is {@link Scope#OWN}).
 *
 * <p>The table below is the whole policy; docs/security.md prints it. Immutable and thread-safe.
 */
public final class AccessPolicy {
    private static final AccessPolicy STANDARD = new AccessPolicy(table());
    private final Map<Action, Scope[]> grants;

    private AccessPolicy(Map<Action, Scope[]> grants) {
        this.grants = grants;
    }

    /** @return the policy Errand ships (no configuration) */
    public static AccessPolicy standard() {
        return STANDARD;
    }

    // Columns: admin, operator, developer, viewer (the order of Role).
    private static Map<Action, Scope[]> table() {
        Map<Action, Scope[]> t = new EnumMap<>(Action.class);
        t.put(Action.HEALTH_READ, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.CLAIM, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.EXECUTION_CREATE, new Scope[] {ALL, ALL, OWN, NONE});
        t.put(Action.EXECUTION_LIST, new Scope[] {ALL, ALL, OWN, ALL});
        t.put(Action.EXECUTION_READ, new Scope[] {ALL, ALL, OWN, ALL});
        t.put(Action.EXECUTION_KILL, new Scope[] {ALL, ALL, OWN, NONE});
        // Whoever may start an execution may render a playbook into one.
        t.put(Action.PLAYBOOK_RENDER, t.get(Action.EXECUTION_CREATE).clone());
        t.put(Action.USER_CREATE, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.USER_LIST, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.USER_READ, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.USER_REVOKE, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.USER_SET_ROLE, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.USER_REISSUE, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.KEY_CREATE, new Scope[] {OWN, OWN, OWN, OWN});
        t.put(Action.KEY_LIST, new Scope[] {ALL, OWN, OWN, OWN});
        t.put(Action.KEY_REVOKE, new Scope[] {ALL, OWN, OWN, OWN});
        t.put(Action.AUDIT_READ, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.TRACE_READ, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.SECRET_CREATE, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.SECRET_LIST, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.SECRET_READ, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.SECRET_REVEAL, new Scope[] {ALL, NONE, NONE, NONE});
        t.put(Action.SECRET_UPDATE, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.SECRET_DELETE, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.IMAGE_READ, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.IMAGE_MANAGE, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.LOCK_LIST, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.LOCK_RELEASE, new Scope[] {ALL, ALL, NONE, NONE});
        t.put(Action.USAGE_READ, new Scope[] {ALL, ALL, OWN, ALL});
        t.put(Action.SESSION_CREATE, new Scope[] {OWN, OWN, OWN, OWN});
        t.put(Action.SESSION_READ, new Scope[] {OWN, OWN, OWN, OWN});
        t.put(Action.SESSION_DELETE, new Scope[] {OWN, OWN, OWN, OWN});
        t.put(Action.CODE_EXECUTE, new Scope[] {ALL, ALL, OWN, NONE});
        t.put(Action.CODE_READ, new Scope[] {ALL, ALL, OWN, ALL});
        t.put(Action.LANGUAGE_LIST, new Scope[] {ALL, ALL, ALL, ALL});
        t.put(Action.LANGUAGE_INSTALL, new Scope[] {ALL, NONE, NONE, NONE});
        for (Action a : Action.values()) {
            if (!t.containsKey(a) || t.get(a).length != Role.values().length) {
                throw new IllegalStateException("the access table has no complete row for " + a);
            }
        }
        return t;
    }

    /** @return how far {@code role}'s right to {@code action} reaches */
    public Scope scope(Role role, Action action) {
        return grants.get(action)[role.ordinal()];
    }

    /**
     * The route-level check: may this caller attempt the action at all?
     *
     * @throws AccessDeniedException {@code forbidden} when the role's scope is {@link Scope#NONE}
     */
    public void permit(Principal caller, Action action) {
        if (scope(caller.role(), action) == NONE) {
            throw AccessDeniedException.forbidden(caller.role(), action);
        }
    }

    /** @return true when the caller may do the action to a resource owned by {@code ownerUserId} */
    public boolean allows(Principal caller, Action action, String ownerUserId) {
        return switch (scope(caller.role(), action)) {
            case ALL -> true;
            case OWN -> caller.userId().equals(ownerUserId);
            case NONE -> false;
        };
    }

    /**
     * The resource-level check, once the owner is known.
     *
     * @param notFoundMessage the message a missing resource would get, so a hidden one looks the same
     * @throws AccessDeniedException {@code forbidden} for scope NONE, {@code not_found} for
     *     someone else's resource under scope OWN
     */
    public void requireAccess(Principal caller, Action action, String ownerUserId, String notFoundMessage) {
        permit(caller, action);
        if (!allows(caller, action, ownerUserId)) {
            throw AccessDeniedException.hidden(notFoundMessage);
        }
    }

    /**
     * For lists: whose resources the caller may see.
     *
     * @return null for everyone's, else the caller's own user id
     * @throws AccessDeniedException {@code forbidden} for scope NONE
     */
    public String ownerFilter(Principal caller, Action action) {
        permit(caller, action);
        return scope(caller.role(), action) == ALL ? null : caller.userId();
    }
}
