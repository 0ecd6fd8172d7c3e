package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browser sessions over HTTP: the cookie, CSRF, origin checks, sign-out, and what the store keeps. */
class SessionApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A signed-in browser: its cookie and CSRF token. */
    record Session(String cookie, String csrf, HttpResponse<String> answer) {}

    static Session signIn(String key) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null, Map.of("Authorization", "Bearer " + key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new Session(cookie, TestServer.JSON.readTree(r.body()).get("csrf_token").asText(), r);
    }

    static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String code(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body()).get("error").get("code").asText();
    }

    @Test
    void signingInWithAKeySetsAnHttpOnlyStrictCookieAndAnswersTheCsrfToken() throws Exception {
        Session s = signIn(server.key());
        String setCookie = s.answer().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("errand_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure").doesNotContain("Max-Age");
        assertThat(s.answer().headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestServer.JSON.readTree(s.answer().body());
        assertThat(body.get("user").asText()).isEqualTo("admin@localhost");
        assertThat(body.get("role").asText()).isEqualTo("admin");
        assertThat(body.get("idle_timeout_seconds").asLong()).isEqualTo(12 * 3600);
        assertThat(body.get("csrf_token").asText()).hasSize(43);
        assertThat(body.get("access").get("audit.read").asText()).isEqualTo("all");
        assertThat(body.get("access").get("key.create").asText()).isEqualTo("own");
        assertThat(s.answer().body()).doesNotContain(server.key());
    }

    @Test
    void overHttpsBehindAProxyTheCookieIsSecure() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null,
                Map.of("Authorization", "Bearer " + server.key(), "X-Forwarded-Proto", "https"));
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
    }

    @Test
    void theCookieAuthenticatesReadsAndTellsTheSession() throws Exception {
        Session s = signIn(server.key());
        assertThat(send("GET", "/api/v1/executions", null, Map.of("Cookie", s.cookie())).statusCode()).isEqualTo(200);
        HttpResponse<String> me = send("GET", "/api/v1/session", null, Map.of("Cookie", s.cookie()));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestServer.JSON.readTree(me.body()).get("csrf_token").asText()).isEqualTo(s.csrf());
    }

    @Test
    void stateChangingRequestsWithTheCookieNeedTheSessionsCsrfToken() throws Exception {
        Session s = signIn(server.key());
        String run = "{\"command\":\"true\"}";
        HttpResponse<String> none = send("POST", "/api/v1/executions", run, Map.of("Cookie", s.cookie()));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(code(none)).isEqualTo("forbidden");
        assertThat(none.body()).contains("X-CSRF-Token");
        Session other = signIn(server.key());
        HttpResponse<String> wrong = send("POST", "/api/v1/executions", run,
                Map.of("Cookie", s.cookie(), "X-CSRF-Token", other.csrf()));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> right = send("POST", "/api/v1/executions", run,
                Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(202);
    }

    @Test
    void aPageFromAnotherOriginCannotUseTheCookie() throws Exception {
        Session s = signIn(server.key());
        HttpResponse<String> r = send("GET", "/api/v1/executions", null,
                Map.of("Cookie", s.cookie(), "Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("evil.example");
        String own = server.base();
        assertThat(send("GET", "/api/v1/executions", null, Map.of("Cookie", s.cookie(), "Origin", own)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLogStreamAcceptsTheCookieFromItsOwnOriginOnly() throws Exception {
        Session s = signIn(server.key());
        HttpResponse<String> created = server.send("POST", "/api/v1/executions", "{\"command\":\"echo from the cookie\"}");
        String id = TestServer.JSON.readTree(created.body()).get("id").asText();
        String own = server.base();
        TestServer.Frames frames = new TestServer.Frames();
        HTTP.newWebSocketBuilder().header("Cookie", s.cookie()).header("Origin", own)
                .buildAsync(streamUri(id), frames).get(10, TimeUnit.SECONDS);
        List<String> all = frames.all(Duration.ofSeconds(30));
        assertThat(String.join("\n", all)).contains("from the cookie").contains("\"type\":\"status\"");

        assertThatThrownBy(() -> HTTP.newWebSocketBuilder().header("Cookie", s.cookie()).header("Origin", "http://evil.example")
                .buildAsync(streamUri(id), new TestServer.Frames()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> HTTP.newWebSocketBuilder().header("Cookie", "errand_session=nope").header("Origin", own)
                .buildAsync(streamUri(id), new TestServer.Frames()).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    static URI streamUri(String id) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/api/v1/executions/" + id + "/logs/stream");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerAndClearsTheCookie() throws Exception {
        Session s = signIn(server.key());
        HttpResponse<String> noCsrf = send("DELETE", "/api/v1/session", null, Map.of("Cookie", s.cookie()));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> out = send("DELETE", "/api/v1/session", null, Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("errand_session=;").contains("Max-Age=0");
        HttpResponse<String> after = send("GET", "/api/v1/executions", null, Map.of("Cookie", s.cookie()));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(code(after)).isEqualTo("unauthenticated");
        assertThat(after.body()).contains("signed out");
        assertThat(after.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void signingInAndOutAreOnTheAuditTrailWithTheKeyUsed() throws Exception {
        TestUsers.Account account = TestUsers.create(server, TestUsers.email("audited"), "viewer");
        Session s = signIn(account.key());
        send("DELETE", "/api/v1/session", null, Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        JsonNode entries = TestServer.JSON.readTree(server.send("GET", "/api/v1/audit?user=" + account.email(), null).body())
                .get("items");
        List<String> seen = new java.util.ArrayList<>();
        entries.forEach(e -> seen.add(e.get("action").asText() + " " + e.get("target").asText() + " " + e.get("outcome").asText()));
        assertThat(seen).contains("session.create key:" + account.keyId() + " ok", "session.delete key:" + account.keyId() + " ok");
    }

    @Test
    void aWrongKeyGetsNoSession() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null,
                Map.of("Authorization", "Bearer erk_" + "A".repeat(43)));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(code(r)).isEqualTo("invalid_api_key");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signingInTakesTheKeyFromTheAuthorizationHeaderOnly() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null, Map.of("X-API-Key", server.key()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Authorization: Bearer");
        Session s = signIn(server.key());
        HttpResponse<String> withCookie = send("POST", "/api/v1/session", null,
                Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        assertThat(withCookie.statusCode()).isEqualTo(400);
    }

    @Test
    void aRevokedKeyCanNoLongerBeUsedThroughItsSessions() throws Exception {
        TestUsers.Account account = TestUsers.create(server, TestUsers.email("revoked"), "developer");
        Session s = signIn(account.key());
        assertThat(send("GET", "/api/v1/executions", null, Map.of("Cookie", s.cookie())).statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/keys/" + account.keyId() + "/revoke", null).statusCode()).isEqualTo(200);
        HttpResponse<String> r = send("GET", "/api/v1/executions", null, Map.of("Cookie", s.cookie()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(code(r)).isEqualTo("api_key_revoked");
    }

    @Test
    void theStoreKeepsNeitherTheCookieNorTheKey() throws Exception {
        Session s = signIn(server.key());
        String token = s.cookie().substring("errand_session=".length());
        List<Map<String, Object>> rows = server.server().database().read(h ->
                h.createQuery("SELECT * FROM web_sessions").mapToMap().list());
        assertThat(rows).isNotEmpty();
        String dump = rows.toString();
        assertThat(dump).doesNotContain(token).doesNotContain(server.key()).doesNotContain(server.key().substring(4))
                .doesNotContain(s.csrf());
    }
}
