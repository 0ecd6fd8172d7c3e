package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.Version;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand version}: this CLI's version, and the server's when it is reachable. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the CLI version and, if the server is reachable, the server version (an unreachable server is not an error).")
final class VersionCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    VersionCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        String serverVersion = null;
        String endpoint = null;
        try {
            ApiClient api = session.publicApi(Duration.ofSeconds(3));
            endpoint = api.endpoint().toString();
            JsonNode health = api.exchange("GET", ApiPaths.HEALTH, null, status -> status < 400 || status == 503).body();
            serverVersion = health.path("version").asText(null);
        } catch (ErrandException e) {
            session.messages().warn("server version unknown: " + e.getMessage());
        }
        if (global.json) {
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("client", Version.current());
            versions.put("server", serverVersion);
            versions.put("endpoint", endpoint);
            session.printJson(versions);
        } else {
            env.out().println("client " + Version.current());
            if (serverVersion != null) {
                env.out().println("server " + serverVersion + " at " + endpoint);
            }
        }
        return ExitCodes.OK;
    }
}
