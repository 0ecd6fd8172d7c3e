package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad code runs get a 4xx with a stable code and a message that says what to change, and start
 * no sandbox (the server has no pool, so any sandbox would be a child process of this JVM).
 */
class CodeBadInputTest {
    @TempDir
    static Path dir;
    static CodeServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CodeServer.start(dir, c -> new CodeConfig(c.limits(), c.imagesDir(), c.maxConcurrent(), 0, List.of(),
                c.poolIdle(), c.cacheBytes(), false, false, c.suite(), c.mirror()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long sandboxes() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("bwrap") || c.endsWith("setpriv")).orElse(false))
                .count();
    }

    JsonNode refused(String path, String body, int status) throws Exception {
        long before = sandboxes();
        HttpResponse<String> r = server.send("POST", path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(sandboxes()).as("sandboxes started").isEqualTo(before);
        return CodeServer.error(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing language|{\"code\":\"x\"}|language is required",
        "unknown language with close matches|{\"language\":\"pyhton\",\"code\":\"x\"}|did you mean python",
        "unknown language far from any|{\"language\":\"zzzzzzzz\",\"code\":\"x\"}|GET /api/v1/languages lists all",
        "unknown version|{\"language\":\"python\",\"version\":\"2.7\",\"code\":\"x\"}|version '2.7' of python is not available",
        "neither code nor files|{\"language\":\"python\"}|code is required",
        "both code and files|{\"language\":\"python\",\"code\":\"x\",\"files\":[{\"name\":\"a.py\",\"content\":\"x\"}]}|not both",
        "file name with a slash|{\"language\":\"python\",\"files\":[{\"name\":\"../etc/passwd\",\"content\":\"x\"}]}|not allowed",
        "file name with dot dot|{\"language\":\"python\",\"files\":[{\"name\":\"a..py\",\"content\":\"x\"}]}|not allowed",
        "file name dot|{\"language\":\"python\",\"files\":[{\"name\":\".\",\"content\":\"x\"}]}|not allowed",
        "duplicate file names|{\"language\":\"python\",\"files\":[{\"name\":\"a.py\",\"content\":\"x\"},{\"name\":\"a.py\",\"content\":\"y\"}]}|appears twice",
        "bad base64|{\"language\":\"python\",\"files\":[{\"name\":\"a.py\",\"content\":\"!!\",\"encoding\":\"base64\"}]}|not valid base64",
        "unknown encoding|{\"language\":\"python\",\"files\":[{\"name\":\"a.py\",\"content\":\"x\",\"encoding\":\"rot13\"}]}|use utf8 or base64",
        "timeout beyond the maximum|{\"language\":\"python\",\"code\":\"x\",\"timeout_ms\":600000}|timeout_ms must be between 1 and 60000",
        "timeout zero|{\"language\":\"python\",\"code\":\"x\",\"timeout_ms\":0}|timeout_ms must be between",
        "memory beyond the maximum|{\"language\":\"python\",\"code\":\"x\",\"memory_mb\":65536}|memory_mb must be between 16 and 2048",
        "network when the server forbids it|{\"language\":\"python\",\"code\":\"x\",\"network\":true}|network access is disabled",
        "an argument with NUL|{\"language\":\"python\",\"code\":\"x\",\"args\":[\"a\\u0000b\"]}|without NUL",
    })
    void aBadRunIsRefusedWithAClearMessageAndStartsNoSandbox(String name, String body, String message) throws Exception {
        JsonNode err = refused("/api/v1/execute", body, 400);
        assertThat(err.get("code").asText()).isEqualTo("invalid_request");
        assertThat(err.get("message").asText()).contains(message);
    }

    @Test
    void codeOverOneMebibyteIsRefused() throws Exception {
        String code = "x".repeat(1024 * 1024 + 1);
        JsonNode err = refused("/api/v1/execute", "{\"language\":\"python\",\"code\":\"" + code + "\"}", 400);
        assertThat(err.get("message").asText()).contains("code is over 1 MiB");
    }

    @Test
    void codeOfExactlyOneMebibyteIsAccepted() throws Exception {
        String code = "#" + "x".repeat(1024 * 1024 - 2) + "\n";
        HttpResponse<String> r = server.send("POST", "/api/v1/execute", "{\"language\":\"python\",\"code\":\"" + code.replace("\n", "\\n") + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(CodeServer.JSON.readTree(r.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void stdinOverOneMebibyteIsRefused() throws Exception {
        String stdin = "x".repeat(1024 * 1024 + 1);
        JsonNode err = refused("/api/v1/execute", "{\"language\":\"python\",\"code\":\"x\",\"stdin\":\"" + stdin + "\"}", 400);
        assertThat(err.get("message").asText()).contains("stdin is 1048577 bytes; the limit is 1 MiB");
    }

    @Test
    void moreThanSixtyFourFilesAreRefused() throws Exception {
        String files = IntStream.range(0, 65).mapToObj(i -> "{\"name\":\"f" + i + ".py\",\"content\":\"\"}")
                .collect(Collectors.joining(","));
        JsonNode err = refused("/api/v1/execute", "{\"language\":\"python\",\"files\":[" + files + "]}", 400);
        assertThat(err.get("message").asText()).contains("files has 65 entries; the limit is 64");
    }

    @Test
    void aBodyOverEightMebibytesIsTooLarge() throws Exception {
        String code = "x".repeat(9 * 1024 * 1024);
        JsonNode err = refused("/api/v1/execute", "{\"language\":\"python\",\"code\":\"" + code + "\"}", 413);
        assertThat(err.get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void anUnknownFieldIsMalformed() throws Exception {
        JsonNode err = refused("/api/v1/execute", "{\"language\":\"python\",\"source\":\"x\"}", 400);
        assertThat(err.get("code").asText()).isEqualTo("malformed_json");
        assertThat(err.get("message").asText()).contains("unknown field 'source'");
    }

    @Test
    void aBatchOfMoreThanTwentyIsRefused() throws Exception {
        String one = "{\"language\":\"python\",\"code\":\"print(1)\"}";
        String body = "{\"submissions\":[" + String.join(",", java.util.Collections.nCopies(21, one)) + "]}";
        JsonNode err = refused("/api/v1/execute/batch", body, 400);
        assertThat(err.get("message").asText()).contains("1 to 20 runs, got 21");
    }

    @Test
    void aBatchWithOneBadSubmissionRunsNothingAndNamesIt() throws Exception {
        String body = "{\"submissions\":[{\"language\":\"python\",\"code\":\"print(1)\"},{\"language\":\"nope\",\"code\":\"x\"}]}";
        JsonNode err = refused("/api/v1/execute/batch", body, 400);
        assertThat(err.get("message").asText()).startsWith("submissions[1]: unknown language 'nope'");
    }

    @Test
    void waitMustBeTrueOrFalse() throws Exception {
        JsonNode err = refused("/api/v1/execute?wait=maybe", "{\"language\":\"python\",\"code\":\"x\"}", 400);
        assertThat(err.get("message").asText()).contains("wait must be true or false");
    }

    @Test
    void aRunThatDoesNotExistIsNotFound() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/execute/ex_01aaaaaaaaaaaaaaaaaaaaaaaa", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/execute/nonsense", null).statusCode()).isEqualTo(404);
    }

    @Test
    void runningCodeNeedsAnApiKey() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/execute", "{\"language\":\"python\",\"code\":\"x\"}", null);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void installingLanguagesRefusesUnknownNames() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/languages/install", "{\"languages\":[\"pyhton\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(CodeServer.error(r).get("message").asText()).contains("did you mean python");
    }
}
