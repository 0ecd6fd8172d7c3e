package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.HealthView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand health}: the server's readiness; exit 6 unless it is {@code ok}. No key needed. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Show whether the server, its store and each sandbox driver are ready; exits 6 unless status is ok.")
final class HealthCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    HealthCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.publicApi(Duration.ofSeconds(10));
        // A degraded server may answer 503 with the health body itself.
        ApiClient.Response response = api.exchange("GET", ApiPaths.HEALTH, null, status -> status < 400 || status == 503);
        JsonNode node = response.body();
        if (!node.path("status").isTextual()) {
            throw ErrorResponses.fromResponse(session.json(), response.status(), node.toString(), response.requestId());
        }
        HealthView health = api.convert(node, HealthView.class);
        if (global.json) {
            session.printJson(node);
        } else {
            print(env.out(), session.outAnsi(), health);
        }
        if (!"ok".equals(health.status())) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "the server at " + api.endpoint() + " reports status '" + health.status() + "'");
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, Ansi ansi, HealthView health) {
        out.println("  " + ansi.grey("Status:") + " " + ("ok".equals(health.status()) ? ansi.green("ok") : ansi.red(health.status())));
        out.println("  " + ansi.grey("Version:") + " " + health.version());
        if (health.store() != null) {
            out.println("  " + ansi.grey("Store:") + " " + component(ansi, health.store()));
        }
        if (health.drivers() != null) {
            for (HealthView.Component driver : health.drivers()) {
                out.println("  " + ansi.grey("Driver:") + " " + component(ansi, driver));
            }
        }
    }

    private static String component(Ansi ansi, HealthView.Component c) {
        String state = c.ready() ? ansi.green("ready") : ansi.red("not ready");
        return c.name() + " " + state + (c.detail() == null || c.detail().isBlank() ? "" : " (" + c.detail() + ")");
    }
}
