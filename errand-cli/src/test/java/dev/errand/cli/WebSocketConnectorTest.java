package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketConnectorTest {
    private final List<String> texts = new ArrayList<>();

    private LogFollower follower(TinyWebSocketServer server) {
        StreamConnector connector = new WebSocketConnector(HttpClient.newHttpClient(), Endpoint.parse(server.endpoint(), false),
                "erk_test", ApiClient.newMapper(),
                Duration.ofMillis(100), Duration.ofMillis(200));
        return new LogFollower(connector, new LogFollower.Listener() {
            @Override
            public void onLines(List<LogLine> lines) {
                lines.forEach(line -> texts.add(line.seq() + ":" + line.text()));
            }

            @Override
            public void onReconnect(String why, long fromSeq, int attempt, int maxAttempts) {
                texts.add("reconnect from " + fromSeq);
            }
        }, duration -> {}, Clock.systemUTC());
    }

    private static String logs(long seq, String text) {
        return "{\"type\":\"logs\",\"lines\":[{\"seq\":" + seq + ",\"ts\":\"2026-01-02T03:04:05Z\",\"stream\":\"STDOUT\",\"text\":\"" + text + "\"}]}";
    }

    @Test
    void framesBecomeEventsAndTheHandshakeCarriesTheKeyAndFromSeq() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(new TinyWebSocketServer.Script.Play(List.of(
                logs(1, "hello"), "{\"type\":\"something_newer\",\"x\":1}", logs(2, "x".repeat(70_000)),
                "{\"type\":\"status\",\"status\":\"FAILED\",\"exit_code\":3,\"reason\":\"exited with code 3\",\"extra\":true}"), true))) {

            FollowOutcome outcome = follower(server).follow("ex_1", 1, null);

            assertThat(outcome).isEqualTo(new FollowOutcome.Finished(new StreamEvent.Status(ExecutionStatus.FAILED, 3, "exited with code 3")));
            assertThat(texts).hasSize(2).first().isEqualTo("1:hello");
            assertThat(texts.get(1)).hasSize(70_002);
            TinyWebSocketServer.Handshake handshake = server.handshakes().get(0);
            assertThat(handshake.requestLine()).isEqualTo("GET /api/v1/executions/ex_1/logs/stream?from_seq=1 HTTP/1.1");
            assertThat(handshake.headers()).containsEntry("Authorization", "Bearer erk_test");
        }
    }

    // The JDK client may report an abrupt close late, or before the last frames it buffered, or
    // never; whichever happens, the reconnect from the last seen line must fill the gap exactly once.
    @Test
    void aDroppedSocketIsReopenedFromTheNextLineAndResentLinesAreDroppedOnce() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(
                new TinyWebSocketServer.Script.Play(List.of(logs(1, "a"), logs(2, "b")), false),
                new TinyWebSocketServer.Script.Play(List.of(logs(2, "b"), logs(3, "c"),
                        "{\"type\":\"status\",\"status\":\"SUCCEEDED\",\"exit_code\":0}"), true))) {

            FollowOutcome outcome = follower(server).follow("ex_1", 1, null);

            assertThat(outcome).isInstanceOf(FollowOutcome.Finished.class);
            assertThat(texts.stream().filter(t -> !t.startsWith("reconnect"))).containsExactly("1:a", "2:b", "3:c");
            assertThat(texts).filteredOn(t -> t.startsWith("reconnect")).hasSize(1).first().asString().matches("reconnect from [23]");
            assertThat(server.handshakes().get(1).requestLine()).matches(".*\\?from_seq=[23] HTTP/1.1");
        }
    }

    @Test
    void aConnectionThatFallsSilentAndIgnoresPingsCountsAsDropped() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(
                new TinyWebSocketServer.Script.Stall(List.of(logs(1, "a"))),
                new TinyWebSocketServer.Script.Play(List.of("{\"type\":\"status\",\"status\":\"SUCCEEDED\",\"exit_code\":0}"), true))) {

            FollowOutcome outcome = follower(server).follow("ex_1", 1, null);

            assertThat(outcome).isInstanceOf(FollowOutcome.Finished.class);
            assertThat(texts).containsExactly("1:a", "reconnect from 2");
        }
    }

    @Test
    void aRefusedUpgradeIsReportedWithTheServersErrorCodeAndNotRetried() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(new TinyWebSocketServer.Script.Refuse(404,
                "{\"error\":{\"code\":\"not_found\",\"message\":\"no execution ex_1\",\"request_id\":\"req_9\"}}"))) {

            assertThatThrownBy(() -> follower(server).follow("ex_1", 1, null))
                    .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(server.handshakes()).hasSize(1);
        }
    }
}
