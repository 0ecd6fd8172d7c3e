package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLParameters;

/**
 * One command invocation's resolved settings and lazily built collaborators: the endpoint and
 * key (flags > {@code ERRAND_ENDPOINT}/{@code ERRAND_API_KEY} > config file > default), the
 * HTTP client, the JSON mapper and the output styling. Nothing is loaded until first asked for,
 * so a command pays only for what it uses. Not thread-safe; build one per command run.
 */
final class Session {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final CliEnvironment env;
    private final GlobalOptions options;
    private final Messages messages;
    private final Ansi outAnsi;
    private CliConfig fileConfig;
    private Endpoint endpoint;
    private HttpClient http;
    private ObjectMapper json;

    Session(CliEnvironment env, GlobalOptions options) {
        this.env = env;
        this.options = options;
        this.messages = new Messages(env.err(), Ansi.decide(env.stderrIsTty(), env), options.quiet,
                env.stderrIsTty() && !"dumb".equals(env.variable("TERM")));
        this.outAnsi = options.json ? new Ansi(false) : Ansi.decide(env.stdoutIsTty(), env);
    }

    CliEnvironment env() {
        return env;
    }

    GlobalOptions options() {
        return options;
    }

    /** @return stderr progress and messages */
    Messages messages() {
        return messages;
    }

    /** @return styling for stdout (always off with {@code --json}) */
    Ansi outAnsi() {
        return outAnsi;
    }

    /** @return the config file path: {@code --config}, else {@link CliConfig#defaultPath} */
    Path configPath() {
        return options.config != null ? options.config : CliConfig.defaultPath(env.env());
    }

    /** @return the config file's values, read on first use */
    CliConfig fileConfig() {
        if (fileConfig == null) {
            fileConfig = CliConfig.load(configPath());
        }
        return fileConfig;
    }

    /** @return the validated endpoint; a refused or malformed URL is a usage error */
    Endpoint endpoint() {
        if (endpoint == null) {
            String text = first(options.endpoint, env.variable("ERRAND_ENDPOINT"));
            if (text == null) {
                text = fileConfig().endpoint() != null ? fileConfig().endpoint() : Endpoint.DEFAULT;
            }
            endpoint = Endpoint.parse(text, "1".equals(env.variable("ERRAND_INSECURE_HTTP")));
        }
        return endpoint;
    }

    /** @return the API key from flag, variable or file, or null */
    String apiKey() {
        String key = first(options.apiKey, env.variable("ERRAND_API_KEY"));
        return key != null ? key : fileConfig().apiKey();
    }

    /** @return a client that authenticates; exit 3 with advice when no key is configured */
    ApiClient api() {
        return api(REQUEST_TIMEOUT);
    }

    /** @return a client that authenticates and waits up to {@code timeout} per request (long server work) */
    ApiClient api(Duration timeout) {
        String key = apiKey();
        if (key == null) {
            throw new ErrandException(ErrorCode.UNAUTHENTICATED,
                    "no API key configured: run 'errand configure' or set ERRAND_API_KEY");
        }
        return new ApiClient(endpoint(), key, json(), timeout);
    }

    /** @return a client for public routes (health), sending no key */
    ApiClient publicApi(Duration timeout) {
        return new ApiClient(endpoint(), null, json(), timeout);
    }

    /** @return the HTTP client for WebSocket streams (HTTP/1.1, 10 s connect timeout, redirects not followed) */
    HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10));
            if (endpoint().base().getScheme().equals("http")) {
                builder.sslContext(new NoTlsContext()).sslParameters(new SSLParameters());
            }
            http = builder.build();
        }
        return http;
    }

    /** @return the wire mapper */
    ObjectMapper json() {
        if (json == null) {
            json = ApiClient.newMapper();
        }
        return json;
    }

    /** Prints a value as one compact JSON line on stdout. */
    void printJson(Object value) {
        try {
            env.out().println(json().writeValueAsString(value));
            env.out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b;
    }
}
