package dev.errand.cli;

import dev.errand.protocol.StreamEvent;

/** How following an execution's log ended. */
sealed interface FollowOutcome {

    /** @param status the final status event: the execution is terminal */
    record Finished(StreamEvent.Status status) implements FollowOutcome {}

    /** The user detached (Ctrl-C); the execution keeps running. */
    record Detached() implements FollowOutcome {}

    /** {@code --wait-timeout} ran out; the execution keeps running. */
    record WaitTimedOut() implements FollowOutcome {}
}
