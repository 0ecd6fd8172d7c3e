package dev.errand.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void streamEventsRoundTripWithTypeDiscriminator() throws Exception {
        StreamEvent logs = new StreamEvent.Logs(List.of(
                new LogLine(1, Instant.parse("2026-01-01T00:00:00Z"), LogStream.STDOUT, "hi")));
        String text = json.writeValueAsString(logs);
        assertThat(text).contains("\"type\":\"logs\"").contains("\"ts\":\"2026-01-01T00:00:00.000Z\"");
        assertThat(json.readValue(text, StreamEvent.class)).isEqualTo(logs);

        StreamEvent status = new StreamEvent.Status(ExecutionStatus.FAILED, 3, null);
        String statusText = json.writeValueAsString(status);
        assertThat(statusText).isEqualTo("{\"type\":\"status\",\"status\":\"FAILED\",\"exit_code\":3}");
        assertThat(json.readValue(statusText, StreamEvent.class)).isEqualTo(status);
    }

    @Test
    void unknownFieldsAreRejected() {
        assertThatThrownBy(() -> json.readValue("{\"command\":\"x\",\"comand\":\"y\"}", CreateExecutionRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void fieldsAreSnakeCase() throws Exception {
        CreateExecutionRequest r = json.readValue("{\"command\":\"ls\",\"timeout_seconds\":5}", CreateExecutionRequest.class);
        assertThat(r.timeoutSeconds()).isEqualTo(5);
    }

    @Test
    void everyErrorCodeRoundTripsThroughItsWireName() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.fromWire(code.wireName())).isEqualTo(code);
            assertThat(code.httpStatus()).isBetween(400, 599);
            assertThat(code.exitCode()).isBetween(1, 6);
        }
        assertThat(ErrorCode.fromWire("something_new")).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void onlyFinishedStatusesAreTerminal() {
        assertThat(ExecutionStatus.QUEUED.terminal()).isFalse();
        assertThat(ExecutionStatus.RUNNING.terminal()).isFalse();
        assertThat(ExecutionStatus.LOST.terminal()).isTrue();
    }
}
