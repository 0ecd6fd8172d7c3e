/**
 * The audit trail and request tracing: every mutating or denied API request becomes one entry of
 * an append-only, SHA-256 hash-chained log that admins list, verify and export; a trace joins a
 * request id's audit entries, its server log lines (kept in memory) and the resources it touched.
 */
package dev.errand.server.audit;
