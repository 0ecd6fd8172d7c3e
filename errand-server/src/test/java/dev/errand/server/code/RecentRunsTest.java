package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentRunsTest {
    static ExecuteResult done(String id, int outputBytes) {
        return new ExecuteResult(id, CodeStatus.OK, "python", "3", "x".repeat(outputBytes), "", null, 0, null, 1L,
                null, null, null, null, false, null, Instant.EPOCH);
    }

    @Test
    void unfinishedRunsStayAndTheOldestFinishedLeaveOverTheOutputBudget() {
        RecentRuns recent = new RecentRuns();
        recent.put("u", ExecuteResult.pending("queued", CodeStatus.QUEUED, "python", "3", Instant.EPOCH));
        int big = (int) (RecentRuns.BYTES / 4);
        for (int i = 0; i < 6; i++) {
            recent.put("u", done("r" + i, big));
        }

        assertThat(recent.get("queued").isPresent()).isTrue();
        assertThat(recent.get("r0").isPresent()).isFalse();
        assertThat(recent.get("r1").isPresent()).isFalse();
        assertThat(recent.get("r2").isPresent()).isTrue();
        assertThat(recent.get("r5").isPresent()).isTrue();
    }

    @Test
    void aRunThatFinishesReplacesItsQueuedState() {
        RecentRuns recent = new RecentRuns();
        recent.put("u", ExecuteResult.pending("r", CodeStatus.QUEUED, "python", "3", Instant.EPOCH));
        recent.put("u", done("r", 3));

        assertThat(recent.get("r").orElseThrow().result().status()).isEqualTo(CodeStatus.OK);
    }
}
