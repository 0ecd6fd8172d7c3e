/**
 * Executions: accepting a run request, the status state machine, the scheduler that hands
 * queued executions to drivers within capacity, the runner that follows one execution to its
 * end (timeout, kill, exit), and the reconciler that settles executions left running by a
 * previous server process.
 */
package dev.errand.server.execution;
