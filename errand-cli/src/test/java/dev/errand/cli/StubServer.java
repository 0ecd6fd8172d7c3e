package dev.errand.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in Errand server for tests: the JDK's HttpServer on 127.0.0.1, port 0, answering
 * canned JSON per method and path and recording every request it received. A test class gets a
 * fresh one per test, closed after the test:
 * <pre>{@code @RegisterExtension final StubServer server = StubServer.perTest();}</pre>
 */
final class StubServer implements AutoCloseable, AfterEachCallback {
    /** A request as the server saw it. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** @return the first value of a header, or null */
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A canned answer. */
    record Reply(int status, String body, String contentType) {
        static Reply json(int status, String body) {
            return new Reply(status, body, "application/json");
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private StubServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a started server, for one test instance; JUnit closes it after the test */
    static StubServer perTest() {
        try {
            return new StubServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Answers {@code method path} (path without query) with a JSON body. */
    StubServer on(String method, String path, int status, String json) {
        return on(method, path, request -> Reply.json(status, json));
    }

    /** Answers {@code method path} with whatever the function returns for the request. */
    StubServer on(String method, String path, Function<Recorded, Reply> reply) {
        routes.put(method + " " + path, reply);
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), caseInsensitive(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Function<Recorded, Reply> route = routes.get(recorded.method() + " " + recorded.path());
        Reply reply = route != null ? route.apply(recorded) : Reply.json(404,
                "{\"error\":{\"code\":\"not_found\",\"message\":\"no stub for " + recorded.path() + "\",\"request_id\":\"req_stub\"}}");
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.getResponseHeaders().add("X-Request-Id", "req_header");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
