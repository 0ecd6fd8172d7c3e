package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand users}: the group of user account commands; prints its usage when given none. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage user accounts: invite with a claim token, list, revoke, change role (admin;"
            + " operators may list)."})
final class UsersCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the {@code users} command with its subcommands */
    static CommandLine tree(CliEnvironment env) {
        return new CommandLine(new UsersCommand())
                .addSubcommand(new UserCreateCommand(env))
                .addSubcommand(new UserListCommand(env))
                .addSubcommand(new UserRevokeCommand(env))
                .addSubcommand(new UserSetRoleCommand(env))
                .addSubcommand(new UserReissueCommand(env));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
