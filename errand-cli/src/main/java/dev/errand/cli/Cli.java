package dev.errand.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * Builds the {@code errand} command tree. This is the CLI's composition root: every command is
 * constructed here with plain {@code new}, and adding a command is one class plus one line.
 *
 * <pre>{@code
 * CommandLine cli = Cli.commandLine(CliEnvironment.system(), List.of(new ServerCommand()));
 * System.exit(cli.execute(args));   // only main exits
 * }</pre>
 */
public final class Cli {
    private Cli() {}

    /**
     * @param env the streams, variables and terminal flags every command uses
     * @return the root command with the client subcommands; {@code execute} returns the exit code
     */
    public static CommandLine commandLine(CliEnvironment env) {
        return commandLine(env, List.of());
    }

    /**
     * Builds the tree with more subcommands (the app adds {@code server} and {@code agent}).
     * They get the same output streams, error handling and exit-code mapping as the built-in ones.
     *
     * @param env the streams, variables and terminal flags every command uses
     * @param extraSubcommands picocli command objects (annotated with {@code @Command}) or
     *     {@link CommandLine} instances, registered under their own names
     * @return the root command
     */
    public static CommandLine commandLine(CliEnvironment env, List<?> extraSubcommands) {
        return commandLine(env, extraSubcommands, WebSocketConnector::forSession);
    }

    /** As {@link #commandLine(CliEnvironment, List)}, with the log-stream transport chosen by the caller (tests). */
    static CommandLine commandLine(CliEnvironment env, List<?> extraSubcommands, StreamConnector.Factory streams) {
        CommandLine root = new CommandLine(new ErrandCommand());
        root.addSubcommand(new ConfigureCommand(env));
        root.addSubcommand(new CommandLine(new RunCommand(env, streams)).setStopAtPositional(true));
        root.addSubcommand(new LogsCommand(env, streams));
        root.addSubcommand(new StatusCommand(env));
        root.addSubcommand(new ListCommand(env));
        root.addSubcommand(new KillCommand(env));
        root.addSubcommand(new HealthCommand(env));
        root.addSubcommand(new VersionCommand(env));
        root.addSubcommand(new ClaimCommand(env));
        root.addSubcommand(UsersCommand.tree(env));
        root.addSubcommand(KeysCommand.tree(env));
        root.addSubcommand(AuditCommand.tree(env));
        root.addSubcommand(new TraceCommand(env));
        root.addSubcommand(new CommandLine(new CommandGroups.Secrets())
                .addSubcommand(new SecretCreateCommand(env)).addSubcommand(new SecretListCommand(env))
                .addSubcommand(new SecretShowCommand(env)).addSubcommand(new SecretUpdateCommand(env))
                .addSubcommand(new SecretDeleteCommand(env)));
        root.addSubcommand(new CommandLine(new CommandGroups.Images())
                .addSubcommand(new ImageRegisterCommand(env)).addSubcommand(new ImageListCommand(env))
                .addSubcommand(new ImageShowCommand(env)).addSubcommand(new ImageRemoveCommand(env))
                .addSubcommand(new ImageSetDefaultCommand(env)).addSubcommand(new ImageBuildCommand(env))
                .addSubcommand(new ImagesImportCommand(env)).addSubcommand(new ImagesPruneCommand(env)));
        root.addSubcommand(new UsageCommand(env));
        root.addSubcommand(new CommandLine(new CommandGroups.Playbooks())
                .addSubcommand(new PlaybookListCommand(env)).addSubcommand(new PlaybookShowCommand(env))
                .addSubcommand(new CommandLine(new PlaybookRunCommand(env, streams))));
        root.addSubcommand(new CommandLine(new CommandGroups.Locks())
                .addSubcommand(new LockListCommand(env)).addSubcommand(new LockReleaseCommand(env)));
        root.addSubcommand(CodeCommand.of(env));
        root.addSubcommand(LanguagesCommand.of(env));
        for (Object extra : extraSubcommands) {
            root.addSubcommand(extra);
        }
        ErrorHandler errors = new ErrorHandler(env);
        boolean colour = env.stdoutIsTty() && env.variable("NO_COLOR") == null;
        return root.setOut(env.out())
                .setErr(env.err())
                .setColorScheme(CommandLine.Help.defaultColorScheme(colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF))
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExecutionStrategy(parseResult -> {
                    try {
                        return new CommandLine.RunLast().execute(parseResult);
                    } finally {
                        env.out().flush();
                        env.err().flush();
                    }
                });
    }
}
