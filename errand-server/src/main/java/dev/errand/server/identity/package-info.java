/**
 * Who is calling: users with roles, their API keys (stored only as SHA-256 hashes), the
 * first-start admin bootstrap, and authentication of a presented key into a
 * {@link dev.errand.server.identity.Principal}.
 */
package dev.errand.server.identity;
