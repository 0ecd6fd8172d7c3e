/**
 * The {@code errand} command-line client: picocli commands that talk to an Errand server over
 * HTTP and WebSocket, with stdout reserved for data and stderr for progress and messages.
 * {@link dev.errand.cli.Cli#commandLine(CliEnvironment)} builds the command tree; every piece of
 * I/O goes through the injected {@link dev.errand.cli.CliEnvironment}.
 */
package dev.errand.cli;
