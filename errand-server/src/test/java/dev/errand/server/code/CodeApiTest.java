package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.BatchExecuteRequest;
import dev.errand.protocol.BatchExecuteResult;
import dev.errand.protocol.CodeFile;
import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The execute API's contract: result shape, files, args, stdin, async, batch, cache, recording, languages. */
class CodeApiTest {
    @TempDir
    static Path dir;
    static CodeServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CodeServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRunAnswersWithItsOutputExitCodeAndMeasurements() throws Exception {
        ExecuteResult r = server.execute(new ExecuteRequest("python", "3", "import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(3)",
                null, null, null, null, null, null));

        assertThat(r.id()).startsWith("ex_");
        assertThat(r.status()).isEqualTo(CodeStatus.RUNTIME_ERROR);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.signal()).isNull();
        assertThat(r.timeMs()).isPositive();
        assertThat(r.cpuMs()).isNotNull();
        assertThat(r.memoryKb()).isPositive();
        assertThat(r.truncated()).isFalse();
        assertThat(r.language()).isEqualTo("python");
        assertThat(r.version()).startsWith("3");
    }

    @Test
    void filesArgsAndStdinReachTheProgramTheFirstFileBeingTheMainOne() throws Exception {
        String main = "import sys, helper\nprint(helper.shout(sys.stdin.read()), sys.argv[1:])";
        String helper = "def shout(s):\n    return s.upper()";
        ExecuteResult r = server.execute(new ExecuteRequest("python", null, null,
                List.of(new CodeFile("app.py", main, null),
                        new CodeFile("helper.py", Base64.getEncoder().encodeToString(helper.getBytes()), "base64")),
                "quiet", List.of("one", "two words", "it's"), null, null, null));

        assertThat(r.stdout()).isEqualTo("QUIET ['one', 'two words', \"it's\"]\n");
    }

    @Test
    void binaryFilesAndStdinWithAnyBytesArriveIntact() throws Exception {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ExecuteResult r = server.execute(new ExecuteRequest("python", null, null,
                List.of(new CodeFile("main.py", "import hashlib\nprint(hashlib.sha256(open('data.bin','rb').read()).hexdigest())", null),
                        new CodeFile("data.bin", Base64.getEncoder().encodeToString(data), "base64")),
                null, null, null, null, null));

        assertThat(r.stdout().strip()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(data)));
    }

    @Test
    void devStdinAndDevStdoutCanBeOpenedByName() throws Exception {
        ExecuteResult r = server.execute(new ExecuteRequest("bash", null, "cat /dev/stdin > /dev/stdout; echo done >/dev/stderr",
                null, "piped\n", null, null, null, null));

        assertThat(r.stdout()).isEqualTo("piped\n");
        assertThat(r.stderr()).isEqualTo("done\n");
    }

    @Test
    void aSecondIdenticalCompileComesFromTheCache() throws Exception {
        String code = "#include <stdio.h>\nint main(void) { puts(\"cached?\"); return 0; }\n";
        ExecuteResult first = server.execute(ExecuteRequest.of("c", code));
        ExecuteResult second = server.execute(ExecuteRequest.of("c", code));
        ExecuteResult changed = server.execute(ExecuteRequest.of("c", code + "// changed\n"));

        assertThat(first.cached()).isFalse();
        assertThat(first.compileMs()).isPositive();
        assertThat(second.cached()).isTrue();
        assertThat(second.compileMs()).isZero();
        assertThat(second.stdout()).isEqualTo("cached?\n");
        assertThat(changed.cached()).isFalse();
    }

    @Test
    void aCompileErrorShowsTheCompilerOutputAndRunsNothing() throws Exception {
        ExecuteResult r = server.execute(ExecuteRequest.of("c", "int main(void) { return nope; }"));

        assertThat(r.status()).isEqualTo(CodeStatus.COMPILE_ERROR);
        assertThat(r.compileOutput()).contains("nope");
        assertThat(r.exitCode()).isNull();
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void waitFalseAnswers202WithAnIdToPollUntilTheResultIsThere() throws Exception {
        HttpResponse<String> accepted = server.send("POST", "/api/v1/execute?wait=false",
                "{\"language\":\"python\",\"code\":\"import time\\ntime.sleep(0.3)\\nprint('later')\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode queued = CodeServer.JSON.readTree(accepted.body());
        String id = queued.get("id").asText();
        assertThat(queued.get("status").asText()).isIn("queued", "running");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/execute/" + id);
        ExecuteResult done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> poll(id), x -> x.status().terminal());
        assertThat(done.status()).isEqualTo(CodeStatus.OK);
        assertThat(done.stdout()).isEqualTo("later\n");
    }

    static ExecuteResult poll(String id) throws Exception {
        return CodeServer.JSON.readValue(server.send("GET", "/api/v1/execute/" + id, null).body(), ExecuteResult.class);
    }

    @Test
    void aBatchRunsEverySubmissionAndAnswersInOrder() throws Exception {
        BatchExecuteRequest batch = new BatchExecuteRequest(List.of(
                ExecuteRequest.of("python", "print('py')"),
                ExecuteRequest.of("bash", "echo sh; exit 4"),
                ExecuteRequest.of("c", "#include <stdio.h>\nint main(void){puts(\"c\");return 0;}")));
        HttpResponse<String> r = server.send("POST", "/api/v1/execute/batch", CodeServer.JSON.writeValueAsString(batch));

        assertThat(r.statusCode()).isEqualTo(200);
        List<ExecuteResult> results = CodeServer.JSON.readValue(r.body(), BatchExecuteResult.class).results();
        assertThat(results).extracting(ExecuteResult::stdout).containsExactly("py\n", "sh\n", "c\n");
        assertThat(results).extracting(ExecuteResult::status)
                .containsExactly(CodeStatus.OK, CodeStatus.RUNTIME_ERROR, CodeStatus.OK);
    }

    @Test
    void aBatchWithWaitFalseAnswersQueuedRunsToPoll() throws Exception {
        BatchExecuteRequest batch = new BatchExecuteRequest(List.of(ExecuteRequest.of("python", "print(1)"),
                ExecuteRequest.of("python", "print(2)")));
        HttpResponse<String> r = server.send("POST", "/api/v1/execute/batch?wait=false", CodeServer.JSON.writeValueAsString(batch));

        assertThat(r.statusCode()).isEqualTo(202);
        List<ExecuteResult> queued = CodeServer.JSON.readValue(r.body(), BatchExecuteResult.class).results();
        for (int i = 0; i < 2; i++) {
            String id = queued.get(i).id();
            ExecuteResult done = await().atMost(Duration.ofSeconds(20)).until(() -> poll(id), x -> x.status().terminal());
            assertThat(done.stdout()).isEqualTo((i + 1) + "\n");
        }
    }

    @Test
    void everyRunIsRecordedAsAnExecutionOfItsOwner() throws Exception {
        ExecuteResult r = server.execute(ExecuteRequest.of("python", "print('on the record')"));

        JsonNode execution = await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> e = server.send("GET", "/api/v1/executions/" + r.id(), null);
            return e.statusCode() == 200 ? CodeServer.JSON.readTree(e.body()) : null;
        }, java.util.Objects::nonNull);
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.get("command").asText()).startsWith("code run: python");
        assertThat(execution.get("exit_code").asInt()).isZero();
        assertThat(execution.get("user").asText()).isNotBlank();
    }

    @Test
    void theLanguageListShowsEveryCatalogueEntryAndWhatIsInstalled() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/languages", null);

        JsonNode languages = CodeServer.JSON.readTree(r.body()).get("languages");
        assertThat(languages.size()).isGreaterThanOrEqualTo(45);
        JsonNode python = null;
        for (JsonNode l : languages) {
            if (l.get("id").asText().equals("python")) {
                python = l;
            }
        }
        assertThat(python).isNotNull();
        assertThat(python.get("installed").asBoolean()).isTrue();
        assertThat(python.get("image").asText()).isEqualTo("host");
        assertThat(python.get("file").asText()).isEqualTo("main.py");
        assertThat(python.get("packages").get(0).asText()).isEqualTo("python3");
    }
}
