package dev.errand.cli;

import dev.errand.protocol.ExecutionStatus;

/** The colour of each execution status: green success, red failure, yellow stopped, cyan in progress. */
final class StatusStyle {
    private StatusStyle() {}

    /** @return the status name, coloured when the styling is on */
    static String paint(Ansi ansi, ExecutionStatus status) {
        String name = status.name();
        return switch (status) {
            case SUCCEEDED -> ansi.green(name);
            case FAILED, TIMED_OUT, LOST -> ansi.red(name);
            case STOPPED -> ansi.yellow(name);
            case QUEUED, STARTING, RUNNING -> ansi.cyan(name);
        };
    }
}
