package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.CodeStatus;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a finished program's report becomes a status. */
class VerdictsTest {
    static final CodeLimits LIMITS = CodeLimits.defaults();
    static final Job JOB = new Job("ex_1", new Principal("u", "e", Role.ADMIN, "k"), "r",
            LanguageCatalogue.load().find("python").orElseThrow(), "3", List.of(new SourceFile("main.py", new byte[0])),
            new byte[0], List.of(), 1000, 100, false, Instant.EPOCH);

    static ProgramRun run(int exit, long outBytes, String stderr, Long rssKb, boolean timedOut) {
        return new ProgramRun(exit, 10L, rssKb, new byte[0], outBytes, stderr.getBytes(StandardCharsets.UTF_8),
                stderr.length(), 5, timedOut);
    }

    static CodeStatus status(ProgramRun r) {
        return Verdicts.of(r, JOB, LIMITS).status();
    }

    @Test
    void exitZeroIsOkAndAnythingElseARuntimeError() {
        assertThat(status(run(0, 3, "", 1000L, false))).isEqualTo(CodeStatus.OK);
        assertThat(status(run(1, 3, "Traceback", 1000L, false))).isEqualTo(CodeStatus.RUNTIME_ERROR);
        assertThat(Verdicts.of(run(139, 0, "", 1000L, false), JOB, LIMITS).signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void aProgramStoppedAtItsWallClockLimitOrOutOfCpuIsATimeout() {
        assertThat(status(run(137, 0, "", 1000L, true))).isEqualTo(CodeStatus.TIMEOUT);
        assertThat(status(run(152, 0, "", 1000L, false))).isEqualTo(CodeStatus.TIMEOUT);
        assertThat(status(run(137, 0, "", 1000L, false))).isEqualTo(CodeStatus.RUNTIME_ERROR);
    }

    @Test
    void outputOverTheLimitWinsOverEverythingElse() {
        assertThat(status(run(153, LIMITS.maxOutputBytes() + 1L, "", 1000L, true))).isEqualTo(CodeStatus.OUTPUT_LIMIT);
    }

    @Test
    void aFailureThatSaysItRanOutOfMemoryOrPeakedNearTheLimitIsMemoryLimit() {
        assertThat(status(run(1, 0, "MemoryError", 1000L, false))).isEqualTo(CodeStatus.MEMORY_LIMIT);
        assertThat(status(run(134, 0, "terminate called after throwing an instance of 'std::bad_alloc'", 1000L, false)))
                .isEqualTo(CodeStatus.MEMORY_LIMIT);
        assertThat(status(run(1, 0, "", 100L * 1024, false))).isEqualTo(CodeStatus.MEMORY_LIMIT);
        assertThat(status(run(0, 0, "MemoryError", 1000L, false))).isEqualTo(CodeStatus.OK);
    }
}
