package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LanguagesCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    static String list(String rustInstall, boolean rustInstalled) {
        return """
                {"languages":[
                  {"id":"rust","name":"Rust","aliases":[],"version":"1.63","file":"main.rs","compiled":true,"installed":%s,"image":%s,"packages":["rustc"]%s},
                  {"id":"python","name":"Python","aliases":["py"],"version":"3.11.2","file":"main.py","compiled":false,"installed":true,"image":"host","packages":["python3"]}]}
                """.formatted(rustInstalled, rustInstalled ? "\"language:rust\"" : "null",
                rustInstall == null ? "" : ",\"install\":\"" + rustInstall + "\"");
    }

    static final String QUEUED = """
            {"languages":[{"id":"rust","name":"Rust","aliases":[],"version":"1.63","file":"main.rs","compiled":true,
              "installed":false,"packages":["rustc"],"install":"queued"}]}
            """;

    @Test
    void listPrintsATableWithInstalledLanguagesFirst() {
        server.on("GET", "/api/v1/languages", 200, list(null, false));

        CliHarness.Result r = new CliHarness(dir).server(server).run("languages", "list");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3);
        assertThat(r.out().lines().toList().get(0)).startsWith("ID").contains("INSTALLED");
        assertThat(r.out().lines().toList().get(1)).startsWith("python").contains("3.11.2", "yes", "host", "main.py");
        assertThat(r.out().lines().toList().get(2)).startsWith("rust").contains("no");
        assertThat(r.err()).contains("1 of 2 languages installed");
    }

    @Test
    void listInstalledLeavesTheOthersOut() {
        server.on("GET", "/api/v1/languages", 200, list(null, false));

        CliHarness.Result r = new CliHarness(dir).server(server).run("languages", "list", "--installed");

        assertThat(r.out()).contains("python").doesNotContain("rust");
    }

    @Test
    void installStartsTheBuildsAndWaitsUntilTheyAreReady() {
        AtomicInteger polls = new AtomicInteger();
        server.on("POST", "/api/v1/languages/install", 202, QUEUED);
        server.on("GET", "/api/v1/languages", request -> StubServer.Reply.json(200,
                polls.incrementAndGet() < 2 ? list("building", false) : list("ready", true)));

        CliHarness.Result r = new CliHarness(dir).server(server).run("languages", "install", "rust");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("rust ready (language:rust, 1.63)\n");
        assertThat(server.requests().getFirst().body()).isEqualTo("{\"languages\":[\"rust\"]}");
    }

    @Test
    void aFailedBuildExitsOneWithTheReason() {
        server.on("POST", "/api/v1/languages/install", 202, QUEUED);
        server.on("GET", "/api/v1/languages", 200, list("failed: mmdebstrap exited with 1", false));

        CliHarness.Result r = new CliHarness(dir).server(server).run("languages", "install", "rust");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("rust failed: mmdebstrap exited with 1");
    }
}
