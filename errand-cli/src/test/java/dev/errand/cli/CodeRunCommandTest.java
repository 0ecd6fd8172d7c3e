package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CodeRunCommandTest {
    static final String LANGUAGES = """
            {"languages":[
              {"id":"python","name":"Python","aliases":[],"version":"3.11.2","file":"main.py","compiled":false,"installed":true,"image":"host","packages":["python3"]},
              {"id":"pypy","name":"PyPy","aliases":[],"version":"7.3","file":"main.py","compiled":false,"installed":true,"image":"host","packages":["pypy3"]},
              {"id":"rust","name":"Rust","aliases":[],"version":"1.63","file":"main.rs","compiled":true,"installed":true,"image":"host","packages":["rustc"]}]}
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @BeforeEach
    void answer() {
        server.on("GET", "/api/v1/languages", 200, LANGUAGES);
    }

    static String result(String status, String stdout, String stderr, Integer exit, String message) {
        return """
                {"id":"ex_01","status":"%s","language":"python","version":"3.11.2","stdout":%s,"stderr":%s,
                 "exit_code":%s,"message":%s,"time_ms":12}
                """.formatted(status, quote(stdout), quote(stderr), exit, message == null ? "null" : quote(message));
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    JsonNode sent() throws Exception {
        StubServer.Recorded post = server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/api/v1/execute");
        return ApiClient.newMapper().readTree(post.body());
    }

    @Test
    void inlineCodeRunsAndItsOutputGoesToStdoutAndStderr() throws Exception {
        server.on("POST", "/api/v1/execute", 200, result("ok", "1\n", "warn\n", 0, null));

        CliHarness.Result r = new CliHarness(dir).server(server).run("code", "run", "--lang", "python", "-c", "print(1)");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("1\n");
        assertThat(r.err()).isEqualTo("warn\n");
        JsonNode body = sent();
        assertThat(body.get("language").asText()).isEqualTo("python");
        assertThat(body.get("code").asText()).isEqualTo("print(1)");
        assertThat(body.has("files")).isFalse();
    }

    @Test
    void aFileIsSentWithItsNameAndItsLanguageGuessedFromTheExtension() throws Exception {
        Path file = Files.writeString(dir.resolve("hello.rs"), "fn main() {}");
        server.on("POST", "/api/v1/execute", 200, result("ok", "", "", 0, null));

        CliHarness.Result r = new CliHarness(dir).server(server).run("code", "run", file.toString(), "--arg", "x",
                "--stdin", "in", "--timeout", "2s", "--memory", "64");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode body = sent();
        assertThat(body.get("language").asText()).isEqualTo("rust");
        assertThat(body.get("files").get(0).get("name").asText()).isEqualTo("hello.rs");
        assertThat(body.get("files").get(0).get("content").asText()).isEqualTo("fn main() {}");
        assertThat(body.get("args").get(0).asText()).isEqualTo("x");
        assertThat(body.get("stdin").asText()).isEqualTo("in");
        assertThat(body.get("timeout_ms").asInt()).isEqualTo(2000);
        assertThat(body.get("memory_mb").asInt()).isEqualTo(64);
    }

    @Test
    void theFirstInstalledLanguageWithTheExtensionWins() throws Exception {
        Path file = Files.writeString(dir.resolve("x.py"), "print(1)");
        server.on("POST", "/api/v1/execute", 200, result("ok", "", "", 0, null));

        new CliHarness(dir).server(server).run("code", "run", file.toString());

        assertThat(sent().get("language").asText()).isEqualTo("python");
    }

    @Test
    void stdinFileDashReadsThisCommandsStdin() throws Exception {
        server.on("POST", "/api/v1/execute", 200, result("ok", "", "", 0, null));

        new CliHarness(dir).server(server).stdin("piped\n").run("code", "run", "-l", "python", "-c", "x", "--stdin-file", "-");

        assertThat(sent().get("stdin").asText()).isEqualTo("piped\n");
    }

    @Test
    void theProgramsExitCodeBecomesTheCommandsAndATimeoutExits124() {
        server.on("POST", "/api/v1/execute", 200, result("runtime_error", "", "boom\n", 3, null));
        CliHarness.Result failed = new CliHarness(dir).server(server).run("code", "run", "-l", "python", "-c", "x");
        server.on("POST", "/api/v1/execute", 200, result("timeout", "", "", 137, "the program ran longer than 5000 ms"));
        CliHarness.Result slow = new CliHarness(dir).server(server).run("code", "run", "-l", "python", "-c", "x");

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("boom");
        assertThat(slow.exitCode()).isEqualTo(124);
        assertThat(slow.err()).contains("timeout: the program ran longer than 5000 ms");
    }

    @Test
    void jsonPrintsTheResultAsTheServerSentIt() {
        server.on("POST", "/api/v1/execute", 200, result("ok", "1\n", "", 0, null));

        CliHarness.Result r = new CliHarness(dir).server(server).run("code", "run", "-l", "python", "-c", "x", "--json");

        assertThat(r.out()).startsWith("{\"id\":\"ex_01\",\"status\":\"ok\"");
    }

    @Test
    void codeAndFilesTogetherOrNeitherIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.py"), "");
        CliHarness.Result both = new CliHarness(dir).server(server).run("code", "run", "-c", "x", file.toString());
        CliHarness.Result neither = new CliHarness(dir).server(server).run("code", "run", "--lang", "python");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give either -c CODE or source files");
    }

    @Test
    void anUnknownExtensionAsksForTheLanguage() throws Exception {
        Path file = Files.writeString(dir.resolve("x.zzz"), "");

        CliHarness.Result r = new CliHarness(dir).server(server).run("code", "run", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot tell the language of").contains("--lang");
    }
}
