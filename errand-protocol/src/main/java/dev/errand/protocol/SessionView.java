package dev.errand.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * A browser session of the web app, as {@code POST} and {@code GET /api/v1/session} answer it.
 * The session itself travels in an HttpOnly cookie that scripts cannot read; this body tells the
 * page who is signed in and the CSRF token it must send as {@code X-CSRF-Token} on every
 * state-changing request made with the cookie.
 *
 * @param user the signed-in user's email
 * @param keyId the id of the API key the session was opened with (its key, not a secret)
 * @param role the user's role ({@code admin}, {@code operator}, {@code developer}, {@code viewer})
 * @param csrfToken the value for the {@code X-CSRF-Token} header, fixed for the session's life
 * @param idleTimeoutSeconds the session ends after this long without a request
 * @param expiresAt when the session ends at the latest, however active it is
 * @param access what the role may do: each allowed action's wire name ({@code execution.kill})
 *     mapped to its scope ({@code all}, or {@code own} for the caller's own resources only);
 *     actions the role may not do are absent. The page hides what is absent; the server decides.
 */
public record SessionView(String user, String keyId, String role, String csrfToken, long idleTimeoutSeconds, Instant expiresAt,
        Map<String, String> access) {}
