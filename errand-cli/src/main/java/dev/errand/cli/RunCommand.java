package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ExecutionView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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
    private static final String USER_PREFIX = "ERRAND_USER_";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_TIMEOUT_SECONDS = 604_800;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image"}, paramLabel = "IMAGE", description = "Image to run in (default: the server's default image).")
    String image;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment variable for the command; repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationText.Converter.class,
            description = "Server-enforced limit for the execution: 90s, 10m, 1h, 1h30m or plain seconds (default: the server's).")
    Duration timeout;

    @Option(names = "--network", negatable = true, description = "Allow or deny network access (default: the image's setting).")
    Boolean network;

    @Option(names = {"-d", "--detach"}, description = "Print the execution id and exit at once instead of following it.")
    boolean detach;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationText.Converter.class,
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
        session.messages().info("execution " + view.id() + " " + view.status().name().toLowerCase(Locale.ROOT) + " (image " + view.image() + ")");
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
        Map<String, String> vars = new TreeMap<>();
        cliEnv.env().forEach((name, value) -> {
            if (name.startsWith(USER_PREFIX)) {
                String key = name.substring(USER_PREFIX.length());
                if (ENV_NAME.matcher(key).matches()) {
                    vars.put(key, value);
                } else {
                    messages.warn("ignoring " + name + ": '" + key + "' is not a valid variable name");
                }
            }
        });
        if (!vars.isEmpty()) {
            messages.info("passing " + String.join(", ", vars.keySet()) + " from " + USER_PREFIX + "*");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new ParameterException(spec.commandLine(), "invalid --env name '" + e.getKey() + "': use letters, digits and _ (not starting with a digit)");
            }
            vars.put(e.getKey(), e.getValue());
        }
        Integer timeoutSeconds = null;
        if (timeout != null) {
            if (timeout.toSeconds() < 1 || timeout.toSeconds() > MAX_TIMEOUT_SECONDS) {
                throw new ParameterException(spec.commandLine(), "--timeout must be between 1s and 7d, got " + DurationText.formatSeconds(timeout.toSeconds()));
            }
            timeoutSeconds = (int) timeout.toSeconds();
        }
        String line = String.join(" ", command);
        if (line.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the command is empty");
        }
        return new CreateExecutionRequest(line, image, vars.isEmpty() ? null : vars, timeoutSeconds, network);
    }
}
