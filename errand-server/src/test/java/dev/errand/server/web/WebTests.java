package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** What the browser tests share: signing in, starting runs through the API, downloads, screenshots for the docs. */
final class WebTests {
    /**
     * A JavaScript expression: how many CSS pixels the page runs off the screen sideways, 0 when it
     * fits. It compares with the viewport less a vertical scrollbar, which Chromium draws and
     * headless Firefox keeps room for.
     */
    static final String SIDEWAYS_OVERFLOW =
            "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WebTests() {}

    /**
     * Skips the calling test when a browser it needs is not installed, with a message naming the
     * Debian packages to install; under {@code CI=true} fails instead, so a CI run never passes
     * without its browser tests.
     *
     * @param packages the Debian packages that provide the files, space-separated
     * @param executables the files that must exist and be executable
     */
    static void requireInstalled(String packages, Path... executables) {
        boolean present = Stream.of(executables).allMatch(Files::isExecutable);
        String message = "browser tests need Debian's " + packages + " (" + Stream.of(executables).map(Path::toString)
                .collect(Collectors.joining(", ")) + "): apt-get install -y " + packages;
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + message);
        }
        Assumptions.assumeTrue(present, "skipped: " + message);
    }

    /** Signs in through the sign-in form, starting from {@code path} (which redirects to it). */
    static void signInByForm(Browser b, String base, String path, String key) {
        b.open(base + path);
        b.find("#api-key").sendKeys(key);
        b.find("#sign-in").click();
        b.waitFor(d -> d.getCurrentUrl().startsWith(base + path) ? true : null, Duration.ofSeconds(10));
        b.find("#sign-out");
    }

    /** Signs in without the form: a session made over HTTP, its cookie handed to the browser. */
    static void signInByCookie(Browser b, String base, String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String value = setCookie.substring("errand_session=".length(), setCookie.indexOf(';'));
        b.open(base + "/assets/favicon.svg");
        b.driver.manage().addCookie(new Cookie.Builder("errand_session", value).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
    }

    /** Starts an execution as the server's admin; returns its id. */
    static String run(TestServer server, String command) throws Exception {
        return runJson(server, TestServer.JSON.writeValueAsString(java.util.Map.of("command", command)));
    }

    /** Starts an execution from a request body, as the server's admin; returns its id. */
    static String runJson(TestServer server, String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return TestServer.JSON.readTree(r.body()).get("id").asText();
    }

    /** @return how many log lines the server holds for an execution */
    static long storedLines(TestServer server, String id) {
        try {
            JsonNode page = TestServer.JSON.readTree(
                    server.send("GET", "/api/v1/executions/" + id + "/logs?limit=10000", null).body());
            return page.get("lines").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for Chromium to finish a download and returns its lines. */
    static List<String> downloaded(Browser b, String name) {
        Path file = b.downloads.resolve(name);
        b.waitFor(d -> Files.isRegularFile(file) && !Files.exists(b.downloads.resolve(name + ".crdownload")) ? true : null,
                Duration.ofSeconds(30));
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Script errors the page raised. Chromium's own network messages are left out: failed loads of
     * probed API routes, and WebSocket connections refused while a test has the server down.
     */
    static List<String> scriptErrors(Browser b) {
        return b.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .filter(m -> !(m.contains("WebSocket connection to") && m.contains("ERR_CONNECTION_REFUSED"))).toList();
    }

    /** Saves a screenshot under target/browser-artifacts/docs, and in docs/images with -Derrand.docs.images=DIR. */
    static void docsScreenshot(Browser b, String name) {
        b.screenshot(BrowserArtifacts.DIR.resolve("docs").resolve(name));
        String docs = System.getProperty("errand.docs.images");
        if (docs != null && !docs.isBlank()) {
            b.screenshot(Path.of(docs).resolve(name));
        }
    }

    /** @return every request the page made, as URLs (for the no-external-requests check) */
    @SuppressWarnings("unchecked")
    static Stream<String> requestedUrls(Browser b) {
        return ((List<Object>) b.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href])")).stream().map(String::valueOf);
    }
}
