/**
 * Git sources: a shallow JGit clone into an execution's work directory before its command
 * starts, with an optional token from a secret sent only as HTTP credentials.
 */
package dev.errand.server.git;
