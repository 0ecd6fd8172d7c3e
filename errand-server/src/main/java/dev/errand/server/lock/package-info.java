/**
 * Locks: a named mutex over executions, so two people cannot run {@code terraform apply} at once.
 * At most one execution holds a lock; the others wait in {@code QUEUED} (or are refused with 409
 * when asked to fail fast). A lock is a row taken when its execution is claimed and deleted when
 * that execution reaches any terminal status.
 */
package dev.errand.server.lock;
