package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand secrets delete NAME}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a secret; queued executions naming it will fail.")
final class SecretDeleteCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The secret's name.")
    String name;

    private final CliEnvironment env;

    SecretDeleteCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        session.api().exchange("DELETE", ApiPaths.SECRETS + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        session.messages().success("secret " + name + " deleted");
        return ExitCodes.OK;
    }
}
