/**
 * Execution logs: lines are sequenced and stored in batches by a
 * {@link dev.errand.server.logs.LogWriter}, published on the in-process
 * {@link dev.errand.server.logs.LogBus} only after they are stored, and served as pages or as a
 * live stream (WebSocket) that joins the stored backlog to the live tail without gaps or duplicates.
 */
package dev.errand.server.logs;
