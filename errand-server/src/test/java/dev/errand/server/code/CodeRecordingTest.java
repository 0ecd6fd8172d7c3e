package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs are stored off the hot path, all of them, and survive the server. */
class CodeRecordingTest {
    @TempDir
    Path dir;

    @Test
    void runsQueuedForTheStoreAreWrittenOnShutdownAndReadableAfterARestart() throws Exception {
        List<String> ids = new ArrayList<>();
        String key;
        try (CodeServer first = CodeServer.start(dir)) {
            key = first.key();
            for (int i = 0; i < 30; i++) {
                ids.add(first.execute(ExecuteRequest.of("python", "print(" + i + ")")).id());
            }
        }
        try (CodeServer second = CodeServer.restart(dir, key)) {
            for (int i = 0; i < ids.size(); i++) {
                HttpResponse<String> r = second.send("GET", "/api/v1/execute/" + ids.get(i), null);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                ExecuteResult stored = CodeServer.JSON.readValue(r.body(), ExecuteResult.class);
                assertThat(stored.status()).isEqualTo(CodeStatus.OK);
                assertThat(stored.stdout()).isEqualTo(i + "\n");
                assertThat(second.send("GET", "/api/v1/executions/" + ids.get(i), null).statusCode()).isEqualTo(200);
            }
        }
    }
}
