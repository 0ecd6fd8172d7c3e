package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand keys}: the group of API key commands; prints its usage when given none. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manage your API keys: create (shown once), list, revoke. Admins see and revoke anyone's."})
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the {@code keys} command with its subcommands */
    static CommandLine tree(CliEnvironment env) {
        return new CommandLine(new KeysCommand())
                .addSubcommand(new KeyCreateCommand(env))
                .addSubcommand(new KeyListCommand(env))
                .addSubcommand(new KeyRevokeCommand(env));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
