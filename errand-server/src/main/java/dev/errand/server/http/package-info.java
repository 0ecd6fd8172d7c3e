/**
 * HTTP plumbing only: the Javalin setup, request ids, authentication of every API call, body
 * parsing that rejects unknown fields, and the one mapping of errors to status codes and the
 * JSON error body. Features declare their own routes.
 */
package dev.errand.server.http;
