package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;

/**
 * A request the {@link AccessPolicy} refused: {@code forbidden} (403) when the role lacks the
 * action, or {@code not_found} (404) when the resource belongs to someone the caller may not
 * see. The body is the same as for a resource that does not exist; the type lets the audit
 * trail record the request as denied.
 */
public final class AccessDeniedException extends ErrandException {
    private static final long serialVersionUID = 1L;

    private AccessDeniedException(ErrorCode code, String message) {
        super(code, message);
    }

    /** @return a 403 naming the role and the action */
    static AccessDeniedException forbidden(Role role, Action action) {
        return new AccessDeniedException(ErrorCode.FORBIDDEN,
                "role " + role.wireName() + " may not " + action.wireName());
    }

    /** @return a 404 with exactly the message a missing resource would have */
    static AccessDeniedException hidden(String notFoundMessage) {
        return new AccessDeniedException(ErrorCode.NOT_FOUND, notFoundMessage);
    }
}
