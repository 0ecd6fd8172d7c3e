/**
 * The wire contract of Errand: request and view records, stream events, stable error codes,
 * API paths and the one JSON mapper configuration that server, CLI and agent share.
 * This module depends on Jackson only, so every client can use it without the server's weight.
 */
package dev.errand.protocol;
