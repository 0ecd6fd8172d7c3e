package dev.errand.server.http;

/**
 * Where and how the HTTP API listens.
 *
 * @param host the address to bind, such as {@code 127.0.0.1}
 * @param port the TCP port, 0 for any free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 */
public record HttpSettings(String host, int port, long maxBodyBytes) {}
