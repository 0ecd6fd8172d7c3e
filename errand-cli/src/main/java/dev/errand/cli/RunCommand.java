package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ExecutionView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errand run COMMAND...}: starts an execution and, unless detached, follows it to its end. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command in a fresh sandbox, stream its output and exit with its exit code.",
            "Exits 124 if it timed out and 130 if Ctrl-C detached (it keeps running).",
            "Every local ERRAND_USER_<NAME>=value variable is passed as NAME=value."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options;

    @Option(names = {"-d", "--detach"}, description = "Print the execution id and exit at once instead of following it.")
    boolean detach;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Stop following after this long (exit 124); the execution keeps running. Default: no limit.")
    Duration waitTimeout;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command line; its words are joined with spaces and run by /bin/sh -c.")
    List<String> command;

    private final CliEnvironment cliEnv;
    private final StreamConnector.Factory streams;

    RunCommand(CliEnvironment cliEnv, StreamConnector.Factory streams) {
        this.cliEnv = cliEnv;
        this.streams = streams;
    }

    @Override
    public Integer call() throws InterruptedException {
        Session session = new Session(cliEnv, global);
        CreateExecutionRequest request = request(session.messages());
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.EXECUTIONS, request);
        ExecutionView view = api.convert(node, ExecutionView.class);
        String queue = QueueText.of(view);
        session.messages().info("execution " + view.id() + " " + view.status().name().toLowerCase(Locale.ROOT) + " (image " + view.image() + ")"
                + (queue == null ? "" : ", " + queue));
        if (view.webUrl() != null) {
            session.messages().info("view it at " + api.endpoint() + view.webUrl());
        }
        if (global.json) {
            session.printJson(node);
        } else if (detach) {
            cliEnv.out().println(view.id());
        }
        if (detach) {
            return ExitCodes.OK;
        }
        Duration wait = waitTimeout == null || waitTimeout.isZero() ? null : waitTimeout;
        return new Attacher(session, streams.forSession(session)).attach(view.id(), 1, wait, false);
    }

    /** @return the create request; bad values are usage errors */
    CreateExecutionRequest request(Messages messages) {
        String line = String.join(" ", command);
        if (line.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the command is empty");
        }
        return RunRequest.build(new CreateExecutionRequest(line, null, null, null, null), options, cliEnv, messages, spec);
    }
}
