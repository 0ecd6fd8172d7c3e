package dev.errand.cli;

import dev.errand.playbook.DurationText;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.time.Duration;
import java.util.List;

/**
 * Follows an execution to its end for {@code errand run} and {@code errand logs -f}: prints its
 * lines (or, with {@code --json}, each stream event as a JSON line), shows a spinner until the
 * first line, detaches on Ctrl-C, prints the summary and returns the exit code from
 * {@link ExitCodes#forOutcome}.
 */
final class Attacher {
    private final Session session;
    private final StreamConnector connector;

    Attacher(Session session, StreamConnector connector) {
        this.session = session;
        this.connector = connector;
    }

    /**
     * @param fromSeq the first line to show
     * @param waitTimeout how long to follow at most, or null for no limit
     * @param timestamps whether to prefix lines with their UTC time
     * @return the remote exit code, 124 on a timeout, 130 when detached
     */
    int attach(String id, long fromSeq, Duration waitTimeout, boolean timestamps) throws InterruptedException {
        Messages messages = session.messages();
        LinePrinter printer = new LinePrinter(session, timestamps);
        String hint = "execution " + id + " keeps running. Reattach: errand logs -f " + id + "   Stop it: errand kill " + id;
        try (Spinner spinner = messages.waiting("waiting for output of " + id + " (Ctrl-C detaches)")) {
            LogFollower follower = new LogFollower(connector, new LogFollower.Listener() {
                @Override
                public void onLines(List<LogLine> lines) {
                    spinner.close();
                    if (session.options().json) {
                        session.printJson(new StreamEvent.Logs(lines));
                    } else {
                        printer.print(lines);
                    }
                }

                @Override
                public void onReconnect(String why, long from, int attempt, int max) {
                    spinner.close();
                    messages.warn("log stream interrupted (" + why + "); reconnecting from line " + from + " (" + attempt + "/" + max + ")");
                }
            }, duration -> Thread.sleep(duration.toMillis()), session.env().clock());
            FollowOutcome outcome;
            try (Interrupts.Registration onCtrlC = session.env().interrupts().onInterrupt(() -> {
                spinner.close();
                follower.detach();
                messages.line("detached; " + hint);
            })) {
                outcome = follower.follow(id, fromSeq, waitTimeout);
            }
            spinner.close();
            return switch (outcome) {
                case FollowOutcome.Finished(StreamEvent.Status status) -> finish(id, status);
                case FollowOutcome.Detached detached -> ExitCodes.DETACHED;
                case FollowOutcome.WaitTimedOut timedOut -> {
                    messages.warn("stopped waiting after " + DurationText.format(waitTimeout) + "; " + hint);
                    yield ExitCodes.TIMED_OUT;
                }
            };
        }
    }

    private int finish(String id, StreamEvent.Status status) {
        if (session.options().json) {
            session.printJson(status);
        }
        Messages messages = session.messages();
        // A failed command's exit code says it all; other endings need the server's reason.
        boolean plainFailure = status.status() == ExecutionStatus.FAILED && status.exitCode() != null;
        String detail = (status.exitCode() == null ? "" : " (exit " + status.exitCode() + ")")
                + (plainFailure || status.reason() == null || status.reason().isBlank() ? "" : ": " + status.reason());
        if (status.status() == ExecutionStatus.SUCCEEDED) {
            String took = session.options().quiet ? null : duration(id);
            messages.success(StatusStyle.paint(messages.ansi(), status.status()) + (took == null ? "" : " in " + took));
        } else {
            messages.failure(StatusStyle.paint(messages.ansi(), status.status()) + detail);
        }
        return ExitCodes.forOutcome(status.status(), status.exitCode());
    }

    // The status event carries no times; ask for them, and do without if that fails.
    private String duration(String id) {
        try {
            ApiClient api = session.api();
            ExecutionView view = api.convert(api.get(ApiPaths.execution(id)), ExecutionView.class);
            return view.startedAt() == null || view.finishedAt() == null
                    ? null : DurationText.format(Duration.between(view.startedAt(), view.finishedAt()));
        } catch (ErrandException e) {
            return null;
        }
    }
}
