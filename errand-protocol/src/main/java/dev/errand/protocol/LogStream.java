package dev.errand.protocol;

/** Where a log line came from: the command's stdout or stderr, or Errand itself. */
public enum LogStream {
    /** The command's standard output. */
    STDOUT,
    /** The command's standard error. */
    STDERR,
    /** A line written by Errand about the execution (start, exit explanation, kill). */
    SYSTEM
}
