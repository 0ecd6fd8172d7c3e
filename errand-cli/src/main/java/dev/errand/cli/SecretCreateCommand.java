package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.SecretRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand secrets create NAME --env-name VAR}: the value comes from stdin or a hidden prompt. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a secret from a value read from stdin, or typed twice at a hidden prompt.",
            "Never from an argument: it would land in shell history and the process list."})
final class SecretCreateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The secret's name: lower-case letters, digits, '.', '_', '-'.")
    String name;

    @Option(names = "--env-name", required = true, paramLabel = "VAR",
            description = "The environment variable executions get the value in, e.g. GITHUB_TOKEN.")
    String envName;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the secret is for.")
    String description;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "Restrict use to this role (besides operator and admin); repeatable. Default: every role that may run.")
    List<String> roles = new ArrayList<>();

    private final CliEnvironment env;

    SecretCreateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        String value = SecretValueInput.read(env, name);
        JsonNode node = api.post(ApiPaths.SECRETS, new SecretRequest(name, envName, description, value, roles));
        SecretShowCommand.print(session, api, node);
        session.messages().success("secret " + name + " created; executions get it as $" + envName + " with --secret " + name);
        return ExitCodes.OK;
    }
}
