/**
 * Secrets: named values encrypted with Tink AEAD under the server's master key, managed by
 * operators and admins, used by executions as environment variables, and never shown again
 * except to an admin who asks to reveal one. The log pipeline masks their values.
 */
package dev.errand.server.secret;
