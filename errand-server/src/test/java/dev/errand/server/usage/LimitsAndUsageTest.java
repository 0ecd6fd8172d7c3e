package dev.errand.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.TestServer;
import dev.errand.server.identity.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits enforced by real sandboxes, the status reason naming the limit, and recorded usage and cost. */
class LimitsAndUsageTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static String developer;

    @BeforeAll
    static void start() throws Exception {
        developer = server.keyFor(Role.DEVELOPER, "dev@example.com");
    }

    static JsonNode run(String body, String key) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body, key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return server.awaitTerminal(TestServer.JSON.readTree(r.body()).get("id").asText());
    }

    @Test
    void aRunOverItsMemoryLimitFailsSayingSo() throws Exception {
        JsonNode done = run("{\"command\":\"head -c 300000000 /dev/zero | tail -c 200000000 > /dev/null\","
                + "\"limits\":{\"memory_mb\":48}}", developer);
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("limits").get("memory_mb").asInt()).isEqualTo(48);
        assertThat(done.get("reason").asText()).satisfiesAnyOf(
                r -> assertThat(r).contains("memory limit of 48 MiB exceeded"),
                r -> assertThat(server.logText(done.get("id").asText())).contains("memory exhausted"));
    }

    @Test
    void aRunOverItsCpuTimeLimitFailsSayingSo() throws Exception {
        JsonNode done = run("{\"command\":\"while :; do :; done\",\"limits\":{\"cpu_seconds\":1}}", developer);
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("reason").asText()).contains("CPU time limit of 1 s exceeded");
        String id = done.get("id").asText();
        assertThat(server.logs(id)).filteredOn(l -> l.stream() == LogStream.SYSTEM).extracting(LogLine::text)
                .contains("CPU time limit of 1 s exceeded; the execution was stopped");
        assertThat(server.plainLog(id)).containsOnlyOnce("[errand] CPU time limit of 1 s exceeded")
                .doesNotContain("errand: ");
    }

    @Test
    void aRunThatForksPastItsProcessLimitFailsSayingSo() throws Exception {
        JsonNode done = run("{\"command\":\"for i in 1 2 3 4 5 6 7 8 9 10; do sleep 1 & done; wait\","
                + "\"limits\":{\"max_processes\":4}}", developer);
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(server.logText(done.get("id").asText())).containsAnyOf("fork", "process limit");
    }

    @Test
    void outputOverTheCapIsCutWithAMarkerLine() throws Exception {
        JsonNode done = run("{\"command\":\"for i in $(seq 1 500); do echo line-$i-xxxxxxxxxxxxxxxxxxxx; done\","
                + "\"limits\":{\"output_bytes\":2048}}", developer);
        String log = server.logText(done.get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("reason").asText()).isEqualTo("output cut at 2048 bytes");
        assertThat(log).contains("line-1-").contains("output cut here").doesNotContain("errand: ").doesNotContain("line-500-");
    }

    @Test
    void everyRunRecordsWallTimeCpuPeakMemoryAndCostSummedByUserAndImage() throws Exception {
        JsonNode done = run("{\"command\":\"i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done\","
                + "\"limits\":{\"cpus\":2,\"memory_mb\":4096}}", developer);
        JsonNode usage = done.get("usage");
        assertThat(usage.get("wall_seconds").asDouble()).isGreaterThan(0);
        assertThat(usage.get("cpu_seconds").asDouble()).isGreaterThan(0);
        assertThat(usage.get("peak_memory_bytes").asLong()).isGreaterThan(0);
        double expected = (2 * 0.04048 + 4 * 0.004445) * usage.get("wall_seconds").asDouble() / 3600;
        assertThat(usage.get("cost_usd").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(2e-6));

        JsonNode byUser = TestServer.JSON.readTree(server.send("GET", "/api/v1/usage?by=user&since=1h", null).body());
        assertThat(byUser.get("rows").toString()).contains("dev@example.com");
        assertThat(byUser.get("total").get("executions").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode byImage = TestServer.JSON.readTree(server.send("GET", "/api/v1/usage?by=image", null, developer).body());
        assertThat(byImage.get("rows").get(0).get("key").asText()).isEqualTo("host");
        assertThat(server.send("GET", "/api/v1/usage?by=team", null).statusCode()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/usage?since=yesterday", null).statusCode()).isEqualTo(400);
    }
}
