/**
 * Code execution: {@code POST /api/v1/execute} runs a snippet in one of the catalogue's languages
 * and answers with its output within milliseconds. Each run gets a fresh bubblewrap sandbox taken
 * from a per-language warm pool (started ahead, blocked on its stdin, used once), is told what to
 * compile and run over that pipe, and is recorded as an execution off the hot path.
 */
package dev.errand.server.code;
