package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand locks release NAME}: lets the next queued execution take the lock (operators, admins). */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Release a lock so the next queued execution can take it (operators and admins; audited).",
            "The holder keeps running: use 'errand kill' to stop it."})
final class LockReleaseCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The lock's name.")
    String name;

    private final CliEnvironment env;

    LockReleaseCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        session.api().exchange("DELETE", ApiPaths.LOCKS + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        session.messages().success("lock " + name + " released");
        return ExitCodes.OK;
    }
}
