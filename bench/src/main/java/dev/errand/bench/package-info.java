/**
 * Benchmarks: end-to-end load against a real server (real SQLite, real bubblewrap sandboxes,
 * real WebSockets) and micro-benchmarks. Results go to docs/PERFORMANCE.md with the command
 * that produced them. Not part of the release.
 */
package dev.errand.bench;
