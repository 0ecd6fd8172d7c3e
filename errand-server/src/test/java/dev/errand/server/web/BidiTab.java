package dev.errand.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A WebDriver BiDi session driving one tab of a browser, with the commands of the W3C WebDriver
 * BiDi draft (https://w3c.github.io/webdriver-bidi/) that the browser tests need:
 * {@code session.new}, {@code session.subscribe} (to {@code log.entryAdded}, the console),
 * {@code browsingContext.getTree}/{@code create}/{@code navigate}/{@code setViewport}/
 * {@code captureScreenshot}, {@code script.evaluate}, {@code script.callFunction} and
 * {@code session.end}. Nothing here is specific to one browser; {@link Firefox} starts one.
 *
 * <p>Values from the page, BiDi "remote values", come back as Java: strings, numbers, booleans,
 * {@code null} (also for undefined), lists for arrays, and the remote value's JSON for anything
 * else (objects, nodes, ...). A script that throws raises {@link IllegalStateException}, as does
 * a command the browser refuses.
 *
 * <p>Not thread-safe: one test thread drives it (console entries are collected on another).
 */
final class BidiTab implements BrowserArtifacts.Page, AutoCloseable {
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final BidiConnection bidi;
    private final String context;

    /** Starts a session on a browser's BiDi WebSocket ({@code ws://HOST:PORT/session}) and takes its first tab. */
    BidiTab(URI session) {
        this.bidi = new BidiConnection(session, this::onEvent);
        bidi.send("session.new", Map.of("capabilities", Map.of()));
        bidi.send("session.subscribe", Map.of("events", List.of("log.entryAdded")));
        JsonNode tabs = bidi.send("browsingContext.getTree", Map.of("maxDepth", 0)).path("contexts");
        this.context = (tabs.isEmpty() ? bidi.send("browsingContext.create", Map.of("type", "tab")) : tabs.get(0))
                .path("context").asText();
    }

    /** Loads {@code url} and waits until the document is complete. */
    void open(String url) {
        bidi.send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
    }

    /** Evaluates a JavaScript expression in the page, awaiting it if it is a promise; returns its value. */
    Object js(String expression) {
        return result(bidi.send("script.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "target", Map.of("context", context))));
    }

    /** Calls a function declaration such as {@code (css, text) => ...} with string arguments; returns its value. */
    Object call(String function, String... args) {
        List<Map<String, String>> arguments = Stream.of(args).map(a -> Map.of("type", "string", "value", a)).toList();
        return result(bidi.send("script.callFunction", Map.of("functionDeclaration", function, "arguments", arguments,
                "awaitPromise", true, "target", Map.of("context", context))));
    }

    /**
     * Evaluates {@code expression} every 50 ms until it is neither false, null nor undefined, and
     * returns that value. A script error meanwhile (the page is still loading) counts as not yet.
     *
     * @throws AssertionError after {@code timeout}, with the last value or error
     */
    Object waitFor(String expression, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        do {
            try {
                last = js(expression);
                if (last != null && !Boolean.FALSE.equals(last)) {
                    return last;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + expression + "; last: " + last);
    }

    /** Sets the viewport to {@code width} x {@code height} CSS pixels at a device pixel ratio of 1. */
    void viewport(int width, int height) {
        bidi.send("browsingContext.setViewport", Map.of("context", context, "devicePixelRatio", 1,
                "viewport", Map.of("width", width, "height", height)));
    }

    @Override
    public byte[] png() {
        return Base64.getDecoder().decode(bidi.send("browsingContext.captureScreenshot", Map.of("context", context))
                .path("data").asText());
    }

    @Override
    public String url() {
        return (String) js("location.href");
    }

    @Override
    public String html() {
        return (String) js("document.documentElement.outerHTML");
    }

    /** @return console entries as {@code "<level> <type>: <text>"}, e.g. {@code "error javascript: TypeError: ..."} */
    @Override
    public List<String> console() {
        return List.copyOf(console);
    }

    /** Ends the session and closes the connection; the browser keeps running. */
    @Override
    public void close() {
        try {
            bidi.send("session.end", Map.of());
        } finally {
            bidi.close();
        }
    }

    private void onEvent(String method, JsonNode params) {
        if (method.equals("log.entryAdded")) {
            console.add(params.path("level").asText() + " " + params.path("type").asText() + ": "
                    + params.path("text").asText());
        }
    }

    private static Object result(JsonNode evaluated) {
        if (!evaluated.path("type").asText().equals("success")) {
            throw new IllegalStateException("the script threw: "
                    + evaluated.path("exceptionDetails").path("text").asText());
        }
        return value(evaluated.path("result"));
    }

    private static Object value(JsonNode remote) {
        JsonNode v = remote.path("value");
        return switch (remote.path("type").asText()) {
            case "undefined", "null" -> null;
            case "string" -> v.asText();
            case "boolean" -> v.asBoolean();
            case "number" -> v.isNumber() ? v.numberValue() : v.asText(); // NaN, -0, Infinity come as strings
            case "array" -> StreamSupport.stream(v.spliterator(), false).map(BidiTab::value).toList();
            default -> remote;
        };
    }
}
