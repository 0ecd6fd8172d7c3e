package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand languages}: the language catalogue; prints usage when given no subcommand. */
@Command(name = "languages", mixinStandardHelpOptions = true,
        description = "List the languages code runs may use, and install their images on the server.")
final class LanguagesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the {@code languages} command with its subcommands */
    static CommandLine of(CliEnvironment env) {
        return new CommandLine(new LanguagesCommand())
                .addSubcommand(new LanguagesListCommand(env))
                .addSubcommand(new LanguagesInstallCommand(env));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
