/**
 * The relational store: one {@link dev.errand.server.store.Database} over SQLite (embedded,
 * single writer) or PostgreSQL, migrated by Flyway from {@code db/common} plus the
 * dialect's own folder where SQL must differ.
 */
package dev.errand.server.store;
