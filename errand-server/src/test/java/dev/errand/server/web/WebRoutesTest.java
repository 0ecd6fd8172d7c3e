package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web app's files come from the jar with strict headers; each app page answers index.html. */
class WebRoutesTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sign-in", "/executions", "/executions/ex_01m80h6z9bjnjtem0avrdyyfps", "/run", "/users", "/audit"})
    void everyAppPageAnswersTheAppWithStrictHeaders(String path) throws Exception {
        HttpResponse<String> r = get(path, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("<script type=\"module\" src=\"/assets/js/app.js\"></script>");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").contains("script-src 'self'").contains("connect-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void ourModulesAndTheThirdPartyRendererAreServedFromTheJar() throws Exception {
        HttpResponse<String> app = get("/assets/js/app.js", Map.of());
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        HttpResponse<String> css = get("/assets/app.css", Map.of());
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        HttpResponse<String> ansi = get("/assets/vendor/ansi_up/ansi_up.js", Map.of());
        assertThat(ansi.statusCode()).isEqualTo(200);
        assertThat(ansi.body()).contains("export class AnsiUp");
    }

    @Test
    void anUnchangedFileAnswers304() throws Exception {
        HttpResponse<String> first = get("/assets/app.css", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/assets/app.css", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/js/nope.js", "/assets/.hidden.js", "/assets/js/../app.css", "/assets/%2e%2e/index.html",
        "/assets/vendor/ansi_up/LICENSE", "/assets/", "/nope"})
    void unknownOrUnsafePathsAreNotFound(String path) throws Exception {
        HttpResponse<String> r = get(path, Map.of());
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.body()).contains("\"not_found\"");
    }

    @Test
    void webAssetsNeedNoKeyButTheApiStillDoes() throws Exception {
        assertThat(get("/assets/js/app.js", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/executions", Map.of()).statusCode()).isEqualTo(401);
    }
}
