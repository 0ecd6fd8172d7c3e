package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "SUCCEEDED, 0, 0",
        "FAILED, 3, 3",
        "FAILED, null, 1",
        "FAILED, 0, 1",
        "FAILED, 300, 1",
        "TIMED_OUT, 143, 124",
        "TIMED_OUT, null, 124",
        "STOPPED, 143, 143",
        "STOPPED, null, 1",
        "LOST, null, 1"
    })
    void anAttachedRunExitsWithTheRemoteCodeAndNeverLooksSuccessfulWhenItFailed(ExecutionStatus status, Integer code, int exit) {
        assertThat(ExitCodes.forOutcome(status, code)).isEqualTo(exit);
    }

    @Test
    void errorsMapThroughTheirCode() {
        assertThat(ExitCodes.of(new ErrandException(ErrorCode.CONFLICT, "x"))).isEqualTo(5);
        assertThat(ExitCodes.of(new ApiException("api_key_revoked", "x", null))).isEqualTo(3);
        assertThat(ExitCodes.of(new IllegalStateException())).isEqualTo(1);
    }
}
