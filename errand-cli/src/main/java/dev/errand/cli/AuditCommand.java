package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand audit}: the group of audit trail commands (admin); prints its usage when given none. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Read the audit trail (admin): every change and every denied request, hash-chained."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the {@code audit} command with its subcommands */
    static CommandLine tree(CliEnvironment env) {
        return new CommandLine(new AuditCommand())
                .addSubcommand(new AuditListCommand(env))
                .addSubcommand(new AuditVerifyCommand(env))
                .addSubcommand(new AuditExportCommand(env));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
