package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.playbook.Playbook;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecutionView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errand playbook run NAME -p k=v}: runs a playbook like {@code errand run}, flags overriding it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a playbook, stream its output and exit with its exit code.",
            "Run options (--image, -e, --secret, --lock, ...) override or add to the playbook's."})
final class PlaybookRunCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options;

    @Parameters(paramLabel = "NAME", description = "The playbook's name.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A value for one of the playbook's params; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--dir", paramLabel = "DIR", description = "Read playbooks from this directory instead.")
    Path dir;

    @Option(names = {"-d", "--detach"}, description = "Print the execution id and exit at once instead of following it.")
    boolean detach;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Stop following after this long (exit 124); the execution keeps running.")
    Duration waitTimeout;

    private final CliEnvironment env;
    private final StreamConnector.Factory streams;

    PlaybookRunCommand(CliEnvironment env, StreamConnector.Factory streams) {
        this.env = env;
        this.streams = streams;
    }

    @Override
    public Integer call() throws InterruptedException {
        Session session = new Session(env, global);
        Playbook playbook = Playbooks.find(Playbooks.dir(env, dir), name);
        CreateExecutionRequest base;
        try {
            base = playbook.request(params);
        } catch (ErrandException e) {
            // the CLI's hint belongs to a missing param only, not to an unknown one
            throw playbook.missing(params).isEmpty() ? e : ErrandException.invalid(e.getMessage() + ": pass -p NAME=VALUE");
        }
        CreateExecutionRequest request = RunRequest.build(base, options, env, session.messages(), spec);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.EXECUTIONS, request);
        ExecutionView view = api.convert(node, ExecutionView.class);
        String queue = QueueText.of(view);
        session.messages().info("playbook " + name + ": execution " + view.id() + " " + view.status()
                + (queue == null ? "" : ", " + queue));
        if (global.json) {
            session.printJson(node);
        } else if (detach) {
            env.out().println(view.id());
        }
        if (detach) {
            return ExitCodes.OK;
        }
        Duration wait = waitTimeout == null || waitTimeout.isZero() ? null : waitTimeout;
        return new Attacher(session, streams.forSession(session)).attach(view.id(), 1, wait, false);
    }
}
