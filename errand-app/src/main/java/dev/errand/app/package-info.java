/**
 * The {@code errand} launcher: one entry point whose subcommands are the client commands of
 * {@code errand-cli} plus {@code server} (and later {@code agent}), which live here because only
 * this module may depend on the server.
 */
package dev.errand.app;
