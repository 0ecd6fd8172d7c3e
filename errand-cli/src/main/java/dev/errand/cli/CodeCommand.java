package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand code}: the code execution commands; prints usage when given no subcommand. */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Run snippets of code in any installed language; see 'errand languages list'.")
final class CodeCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the {@code code} command with its subcommands, sharing the CLI's environment */
    static CommandLine of(CliEnvironment env) {
        return new CommandLine(new CodeCommand()).addSubcommand(new CodeRunCommand(env));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
