package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code errand configure}: writes the endpoint and API key to the config file. Prompts for
 * both (an empty answer keeps the current value) unless {@code --endpoint}, {@code --api-key}
 * or {@code --api-key-stdin} is given, in which case only the given values change.
 */
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = {"Save the server endpoint and API key in the config file (mode 0600).",
            "Prompts for both unless --endpoint, --api-key or --api-key-stdin is given; an empty answer keeps the current value."})
final class ConfigureCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--api-key-stdin", description = "Read the API key from the first line of stdin (keeps it out of shell history).")
    boolean apiKeyStdin;

    private final CliEnvironment env;

    ConfigureCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Session session = new Session(env, global);
        Path path = session.configPath();
        CliConfig current = CliConfig.load(path);
        String endpoint;
        String apiKey;
        if (global.endpoint != null || global.apiKey != null || apiKeyStdin) {
            endpoint = global.endpoint != null ? global.endpoint : current.endpoint();
            apiKey = apiKeyStdin ? keyFromStdin() : global.apiKey != null ? global.apiKey : current.apiKey();
        } else {
            String shownEndpoint = current.endpoint() != null ? current.endpoint() : Endpoint.DEFAULT;
            endpoint = orKeep(prompt("Errand endpoint [" + shownEndpoint + "]: "), shownEndpoint);
            apiKey = orKeep(env.readSecret("API key [" + masked(current.apiKey()) + "]: "), current.apiKey());
        }
        CliConfig updated = new CliConfig(endpoint, apiKey);
        if (updated.endpoint() != null) {
            Endpoint.parse(updated.endpoint(), "1".equals(env.variable("ERRAND_INSECURE_HTTP")));
        }
        if (updated.apiKey() != null && !updated.apiKey().startsWith("erk_")) {
            session.messages().warn("that API key does not start with erk_; saved anyway");
        }
        updated.save(path);
        session.messages().success("saved " + path);
        if (updated.apiKey() == null) {
            session.messages().warn("no API key saved: every command except health and version needs one");
        }
        return ExitCodes.OK;
    }

    private String keyFromStdin() throws IOException {
        String line = env.in().readLine();
        if (line == null || line.isBlank()) {
            throw ErrandException.invalid("--api-key-stdin: no API key on stdin");
        }
        return line.strip();
    }

    private String prompt(String text) {
        env.err().print(text);
        env.err().flush();
        try {
            return env.in().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orKeep(String answer, String current) {
        return answer == null || answer.isBlank() ? current : answer.strip();
    }

    private static String masked(String key) {
        if (key == null) {
            return "not set";
        }
        return key.length() <= 8 ? "****" : key.substring(0, 4) + "…" + key.substring(key.length() - 4);
    }
}
