package dev.errand.cli;

import static dev.errand.cli.ScriptedStream.closed;
import static dev.errand.cli.ScriptedStream.logs;
import static dev.errand.cli.ScriptedStream.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFollowerTest {
    private final ScriptedStream.TestClock clock = new ScriptedStream.TestClock();
    private final ScriptedStream stream = new ScriptedStream(clock);
    private final List<Long> seen = new ArrayList<>();
    private final List<String> reconnects = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final LogFollower follower = new LogFollower(stream, new LogFollower.Listener() {
        @Override
        public void onLines(List<LogLine> lines) {
            lines.forEach(line -> seen.add(line.seq()));
        }

        @Override
        public void onReconnect(String why, long fromSeq, int attempt, int max) {
            reconnects.add(why + " -> " + fromSeq + " " + attempt + "/" + max);
        }
    }, sleeps::add, clock);

    @Test
    void linesArriveInOrderAndTheStatusEventEndsTheFollow() throws Exception {
        stream.connection(logs(1, 2), logs(3), status(ExecutionStatus.FAILED, 3));

        FollowOutcome outcome = follower.follow("ex_1", 1, null);

        assertThat(outcome).isEqualTo(new FollowOutcome.Finished(new StreamEvent.Status(ExecutionStatus.FAILED, 3, null)));
        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThat(stream.fromSeqs()).containsExactly(1L);
    }

    @Test
    void aDroppedStreamIsReopenedFromTheLastSeqPlusOneWithoutLosingOrRepeatingLines() throws Exception {
        stream.connection(logs(1, 2, 3), closed())
                .connection(logs(3, 4), logs(4, 5), status(ExecutionStatus.SUCCEEDED, 0));

        follower.follow("ex_1", 1, null);

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stream.fromSeqs()).containsExactly(1L, 4L);
        assertThat(reconnects).containsExactly("connection reset -> 4 1/5");
    }

    @Test
    void followingFromALaterSeqIgnoresEarlierLines() throws Exception {
        stream.connection(logs(5, 6, 7, 8), status(ExecutionStatus.SUCCEEDED, 0));

        follower.follow("ex_1", 7, null);

        assertThat(seen).containsExactly(7L, 8L);
    }

    @Test
    void aGapInSequenceNumbersReconnectsToFetchTheMissingLines() throws Exception {
        stream.connection(logs(1, 2), logs(5, 6))
                .connection(logs(3, 4, 5, 6), status(ExecutionStatus.SUCCEEDED, 0));

        follower.follow("ex_1", 1, null);

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(stream.fromSeqs()).containsExactly(1L, 3L);
        assertThat(reconnects).containsExactly("line 3 missing from the stream -> 3 1/5");
    }

    @Test
    void failedOpensAreRetriedWithGrowingBackoffAndThenReportedAsUnavailable() {
        for (int i = 0; i < 6; i++) {
            stream.failOpen(new IOException("Connection refused"));
        }

        assertThatThrownBy(() -> follower.follow("ex_1", 1, null))
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessage("lost the log stream of ex_1 (Connection refused) after 5 reconnects; reattach with: errand logs -f ex_1 --from 1");
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void progressAfterAReconnectResetsTheRetryBudget() throws Exception {
        for (int i = 0; i < 4; i++) {
            stream.failOpen(new IOException("refused"));
        }
        stream.connection(logs(1), closed());
        for (int i = 0; i < 4; i++) {
            stream.failOpen(new IOException("refused"));
        }
        stream.connection(logs(2), status(ExecutionStatus.SUCCEEDED, 0));

        assertThat(follower.follow("ex_1", 1, null)).isInstanceOf(FollowOutcome.Finished.class);
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void anErrorEventEndsTheFollowWithTheServersCode() {
        stream.connection(new StreamConnector.Frame.Event(new StreamEvent.Error("not_found", "no execution ex_1")));

        assertThatThrownBy(() -> follower.follow("ex_1", 1, null))
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("no execution ex_1");
    }

    @Test
    void aRejectedConnectionIsNotRetried() {
        stream.failOpen(new ApiException("invalid_api_key", "unknown key", "req_1"));

        assertThatThrownBy(() -> follower.follow("ex_1", 1, null))
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_API_KEY));
        assertThat(stream.fromSeqs()).hasSize(1);
    }

    @Test
    void theWaitTimeoutEndsAnIdleFollowWithoutAnError() throws Exception {
        stream.connection(logs(1));

        FollowOutcome outcome = follower.follow("ex_1", 1, Duration.ofSeconds(30));

        assertThat(outcome).isInstanceOf(FollowOutcome.WaitTimedOut.class);
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void detachingMidStreamReturnsDetached() throws Exception {
        stream.connection(logs(1), (Runnable) follower::detach, logs(2));

        assertThat(follower.follow("ex_1", 1, null)).isInstanceOf(FollowOutcome.Detached.class);
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void aConnectionThatStayedOpenAWhileDoesNotCountAgainstTheRetryBudget() throws Exception {
        for (int i = 0; i < 7; i++) {
            stream.connection((Runnable) () -> clock.advance(Duration.ofSeconds(60)), closed());
        }
        stream.connection(status(ExecutionStatus.SUCCEEDED, 0));

        assertThat(follower.follow("ex_1", 1, null)).isInstanceOf(FollowOutcome.Finished.class);
        assertThat(reconnects).hasSize(7).allMatch(r -> r.endsWith(" 1/5"));
    }
}
