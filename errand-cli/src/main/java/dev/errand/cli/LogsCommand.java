package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.LogPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errand logs ID}: prints an execution's log so far, or follows it to the end with {@code -f}. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print an execution's log; with -f, follow it to the end.",
            "Its stdout lines go to stdout; its stderr lines and Errand's notes to stderr.",
            "With -f, follow until it ends and exit with its exit code, like 'errand run'."})
final class LogsCommand implements Callable<Integer> {
    private static final int PAGE_SIZE = 1000;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", converter = ExecutionId.Converter.class, description = "The execution id (ex_...).")
    ExecutionId id;

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines until the execution ends; exit with its exit code.")
    boolean follow;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1", description = "Start at this line number (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--timestamps", description = "Prefix each line with its UTC time (RFC 3339, milliseconds).")
    boolean timestamps;

    private final CliEnvironment env;
    private final StreamConnector.Factory streams;

    LogsCommand(CliEnvironment env, StreamConnector.Factory streams) {
        this.env = env;
        this.streams = streams;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (from < 1) {
            throw new ParameterException(spec.commandLine(), "--from must be 1 or more, got " + from);
        }
        Session session = new Session(env, global);
        if (follow) {
            return new Attacher(session, streams.forSession(session)).attach(id.value(), from, null, timestamps);
        }
        ApiClient api = session.api();
        LinePrinter printer = new LinePrinter(session, timestamps);
        long next = from;
        LogPage page;
        do {
            JsonNode node = api.get(ApiPaths.execution(id.value()) + "/logs?from_seq=" + next + "&limit=" + PAGE_SIZE);
            page = api.convert(node, LogPage.class);
            if (global.json) {
                node.path("lines").forEach(session::printJson);
            } else {
                printer.print(page.lines() == null ? java.util.List.of() : page.lines());
            }
            if (page.lines() == null || page.lines().isEmpty() || page.nextSeq() <= next) {
                break;
            }
            next = page.nextSeq();
        } while (!page.complete());
        if (!page.complete()) {
            session.messages().info("execution " + id + " is still running; follow it with: errand logs -f " + id + " --from " + next);
        }
        return ExitCodes.OK;
    }
}
