package dev.errand.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
        return commandLine(env, extraSubcommands, WebSocketConnector::forSession, new String[0]);
    }

    /**
     * Builds only what {@code args} need: when the first argument names a command, that command's
     * branch alone (picocli reads every command's annotations when it is added, which is most of
     * the CLI's start-up time); otherwise ({@code --help}, a typo, no argument) the whole tree.
     *
     * @param env the streams, variables and terminal flags every command uses
     * @param extraSubcommands as {@link #commandLine(CliEnvironment, List)}
     * @param args the command line about to be executed
     * @return the root command, to {@code execute(args)}
     */
    public static CommandLine commandLine(CliEnvironment env, List<?> extraSubcommands, String... args) {
        return commandLine(env, extraSubcommands, WebSocketConnector::forSession, args);
    }

    /** As {@link #commandLine(CliEnvironment, List)}, with the log-stream transport chosen by the caller (tests). */
    static CommandLine commandLine(CliEnvironment env, List<?> extraSubcommands, StreamConnector.Factory streams,
            String... args) {
        Map<String, Supplier<Object>> commands = subcommands(env, streams);
        for (Object extra : extraSubcommands) {
            commands.put(name(extra), () -> extra);
        }
        CommandLine root = new CommandLine(new ErrandCommand());
        Supplier<Object> only = args.length > 0 ? commands.get(args[0]) : null;
        if (only != null) {
            root.addSubcommand(only.get());
        } else {
            commands.values().forEach(c -> root.addSubcommand(c.get()));
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

    /** Every client command, in help order, made only when asked for. */
    private static Map<String, Supplier<Object>> subcommands(CliEnvironment env, StreamConnector.Factory streams) {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("configure", () -> new ConfigureCommand(env));
        c.put("run", () -> new CommandLine(new RunCommand(env, streams)).setStopAtPositional(true));
        c.put("logs", () -> new LogsCommand(env, streams));
        c.put("status", () -> new StatusCommand(env));
        c.put("list", () -> new ListCommand(env));
        c.put("kill", () -> new KillCommand(env));
        c.put("health", () -> new HealthCommand(env));
        c.put("version", () -> new VersionCommand(env));
        c.put("claim", () -> new ClaimCommand(env));
        c.put("users", () -> UsersCommand.tree(env));
        c.put("keys", () -> KeysCommand.tree(env));
        c.put("audit", () -> AuditCommand.tree(env));
        c.put("trace", () -> new TraceCommand(env));
        c.put("secrets", () -> new CommandLine(new CommandGroups.Secrets())
                .addSubcommand(new SecretCreateCommand(env)).addSubcommand(new SecretListCommand(env))
                .addSubcommand(new SecretShowCommand(env)).addSubcommand(new SecretUpdateCommand(env))
                .addSubcommand(new SecretDeleteCommand(env)));
        c.put("images", () -> new CommandLine(new CommandGroups.Images())
                .addSubcommand(new ImageRegisterCommand(env)).addSubcommand(new ImageListCommand(env))
                .addSubcommand(new ImageShowCommand(env)).addSubcommand(new ImageRemoveCommand(env))
                .addSubcommand(new ImageSetDefaultCommand(env)).addSubcommand(new ImageBuildCommand(env))
                .addSubcommand(new ImagesImportCommand(env)).addSubcommand(new ImagesPruneCommand(env)));
        c.put("usage", () -> new UsageCommand(env));
        c.put("playbook", () -> new CommandLine(new CommandGroups.Playbooks())
                .addSubcommand(new PlaybookListCommand(env)).addSubcommand(new PlaybookShowCommand(env))
                .addSubcommand(new CommandLine(new PlaybookRunCommand(env, streams))));
        c.put("locks", () -> new CommandLine(new CommandGroups.Locks())
                .addSubcommand(new LockListCommand(env)).addSubcommand(new LockReleaseCommand(env)));
        c.put("code", () -> CodeCommand.of(env));
        c.put("languages", () -> LanguagesCommand.of(env));
        return c;
    }

    /** @return the name a command object or {@link CommandLine} registers under */
    private static String name(Object command) {
        if (command instanceof CommandLine cl) {
            return cl.getCommandName();
        }
        return command.getClass().getAnnotation(CommandLine.Command.class).name();
    }
}
