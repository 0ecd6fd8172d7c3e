package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ExecutionView;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand kill ID}: stops a queued or running execution. */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "Stop a queued or running execution (SIGTERM to its processes, then SIGKILL after a grace period).")
final class KillCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "ID", converter = ExecutionId.Converter.class, description = "The execution id (ex_...).")
    ExecutionId id;

    @Option(names = "--wait", description = "Wait until the execution has stopped, then print its final status.")
    boolean waitForEnd;

    private final CliEnvironment env;

    KillCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        ApiClient.Response response = api.exchange("POST", ApiPaths.execution(id.value()) + "/kill", null);
        ExecutionView view = api.convert(response.body(), ExecutionView.class);
        if (response.status() == 200 && view.status().terminal()) {
            session.messages().info("execution " + id + " already finished (" + view.status() + ")");
            return printed(session, response);
        }
        session.messages().info("kill requested for " + id);
        if (!waitForEnd) {
            return printed(session, response);
        }
        try (Spinner spinner = session.messages().waiting("waiting for " + id + " to stop")) {
            while (!view.status().terminal()) {
                Thread.sleep(POLL.toMillis());
                response = new ApiClient.Response(200, api.get(ApiPaths.execution(id.value())), null);
                view = api.convert(response.body(), ExecutionView.class);
            }
        }
        session.messages().success("execution " + id + " " + view.status()
                + (view.exitCode() == null ? "" : " (exit " + view.exitCode() + ")"));
        return printed(session, response);
    }

    private int printed(Session session, ApiClient.Response response) {
        if (global.json) {
            session.printJson(response.body());
        }
        return ExitCodes.OK;
    }
}
