package dev.errand.server.identity;

/** How far a role's right to an action reaches. */
public enum Scope {
    /** Not allowed: the route answers 403. */
    NONE,
    /** Allowed on the caller's own resources; other people's answer 404, so ids do not leak. */
    OWN,
    /** Allowed on every resource. */
    ALL
}
