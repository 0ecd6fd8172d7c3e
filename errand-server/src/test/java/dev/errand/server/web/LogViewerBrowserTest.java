package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.ErrandServer;
import dev.errand.server.TestServer;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.execution.ExecutionConfig;
import dev.errand.server.http.HttpSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The log viewer's hard cases in headless Chromium: joining mid-run, a dropped stream, a million lines. */
class LogViewerBrowserTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final Browser b = Browser.perTest();

    @Test
    void aPageOpenedMidRunGetsTheBacklogThenTheLiveTailWithoutGapsOrDuplicates() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("server"))) {
            String base = server.base();
            String id = WebTests.run(server, "for i in $(seq 1 300); do echo \"line $i\"; sleep 0.02; done");
            b.waitFor(d -> WebTests.storedLines(server, id) >= 50 ? true : null, Duration.ofSeconds(30));
            WebTests.signInByCookie(b, base, server.key());
            b.open(base + "/executions/" + id);
            b.waitForText("#status", "SUCCEEDED", Duration.ofSeconds(60));
            b.waitForText("#line-count", "300 lines", Duration.ofSeconds(10));
            b.find("#download").click();
            assertThat(WebTests.downloaded(b, "errand-" + id + ".log"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(i -> "line " + i).toList());
        }
    }

    @Test
    void aDroppedStreamReconnectsAndResumesFromTheNextLine() throws Exception {
        ServerConfig config = onFixedPort(dir.resolve("server"));
        TestServer first = TestServer.start(config);
        String base = first.base();
        String key = first.key();
        String id = WebTests.run(first, "for i in $(seq 1 100000); do echo \"n $i\"; sleep 0.02; done");
        WebTests.signInByCookie(b, base, key);
        b.open(base + "/executions/" + id);
        b.waitForText(".line", "n 20", Duration.ofSeconds(90));

        first.close();
        b.waitForText("#banners .banner.warn", "The log stream dropped; reconnecting", Duration.ofSeconds(60));
        WebTests.docsScreenshot(b, "reconnecting.png");
        ExecutionConfig e = config.executions();
        try (ErrandServer second = ErrandServer.start(config.withExecutions(new ExecutionConfig(e.maxConcurrent(),
                e.defaultTimeoutSeconds(), e.maxTimeoutSeconds(), Duration.ofSeconds(1))))) {
            b.waitForText("#status", "STOPPED", Duration.ofSeconds(60));
            b.waitForText("#connection", "ended", Duration.ofSeconds(90));
            assertThat(b.find("#meta").getText()).contains("the server shut down");
            assertThat(b.all("#banners .banner.warn")).isEmpty();
            String count = b.find("#line-count").getText().replace(",", "").replace(" lines", "");
            int lines = Integer.parseInt(count);
            assertThat(lines).isGreaterThanOrEqualTo(20);
            b.find("#download").click();
            List<String> file = WebTests.downloaded(b, "errand-" + id + ".log");
            assertThat(file).hasSize(lines);
            assertThat(file.subList(0, lines - 1))
                    .containsExactlyElementsOf(IntStream.range(1, lines).mapToObj(i -> "n " + i).toList());
            assertThat(file.getLast()).isEqualTo("[errand] stopped because the server shut down");
            assertThat(b.find(".line.SYSTEM").getText()).endsWith("[errand] stopped because the server shut down");
        }
    }

    @Test
    void aMillionLinesStayResponsive() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("server"))) {
            String base = server.base();
            String id = WebTests.run(server, "seq 1 1000000");
            WebTests.signInByCookie(b, base, server.key());
            b.open(base + "/executions/" + id);
            b.waitForText("#line-count", "1,000,000 lines", Duration.ofSeconds(240));
            b.waitForText("#status", "SUCCEEDED", Duration.ofSeconds(30));
            assertThat(((Number) b.js("return document.querySelectorAll('.logview .line').length")).intValue())
                    .isLessThan(120);
            assertThat(b.find(".logview").getText()).contains("1000000");

            @SuppressWarnings("unchecked")
            List<Object> scroll = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const el = document.querySelector('.logview');
                    const started = performance.now();
                    el.scrollTop = el.scrollHeight / 2;
                    requestAnimationFrame(() => requestAnimationFrame(() => done([performance.now() - started,
                        document.querySelector('.logview .line:not([hidden])').dataset.seq])));
                    """);
            assertThat(((Number) scroll.get(0)).doubleValue()).as("ms to show the middle of the log").isLessThan(1000);
            assertThat(Long.parseLong((String) scroll.get(1))).isBetween(490_000L, 510_000L);

            b.find("#search").sendKeys("999999");
            b.waitForText("#search-count", "1 / 1", Duration.ofSeconds(10));
            b.waitForText(".line.current", "999999", Duration.ofSeconds(5));
            b.find("#timestamps").click();
            b.waitFor(d -> b.all(".line .ts").isEmpty() ? null : true, Duration.ofSeconds(5));
            WebTests.docsScreenshot(b, "million-lines-search.png");
            b.find("#clear").click();
            b.waitForText("#line-count", "0 lines (cleared before line 1000001)", Duration.ofSeconds(5));
        }
    }

    static ServerConfig onFixedPort(Path dataDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerConfig config = ServerConfig.forDataDir(dataDir);
        return new ServerConfig(new HttpSettings("127.0.0.1", port, config.http().maxBodyBytes()), dataDir, null,
                config.driver(), false, config.executions(), null);
    }
}
