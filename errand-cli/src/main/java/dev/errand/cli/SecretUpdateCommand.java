package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.SecretRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errand secrets update NAME [--value] [--env-name VAR] [--description T] [--role R]}. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a secret: --value reads a new value from stdin or a hidden prompt.")
final class SecretUpdateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The secret's name.")
    String name;

    @Option(names = "--value", description = "Read a new value from stdin, or a hidden prompt on a terminal.")
    boolean value;

    @Option(names = "--env-name", paramLabel = "VAR", description = "A new environment variable name.")
    String envName;

    @Option(names = "--description", paramLabel = "TEXT", description = "A new description.")
    String description;

    @Option(names = "--role", paramLabel = "ROLE", description = "Replace the roles that may use it; repeatable.")
    List<String> roles;

    private final CliEnvironment env;

    SecretUpdateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (!value && envName == null && description == null && roles == null) {
            throw new ParameterException(spec.commandLine(), "nothing to change: give --value, --env-name, --description or --role");
        }
        Session session = new Session(env, global);
        ApiClient api = session.api();
        String newValue = value ? SecretValueInput.read(env, name) : null;
        ApiClient.Response r = api.exchange("PUT", ApiPaths.SECRETS + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                new SecretRequest(null, envName, description, newValue, roles));
        SecretShowCommand.print(session, api, r.body());
        session.messages().success("secret " + name + " updated");
        return ExitCodes.OK;
    }
}
