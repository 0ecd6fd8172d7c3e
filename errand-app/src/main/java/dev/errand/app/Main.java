package dev.errand.app;

import dev.errand.cli.Cli;
import dev.errand.cli.CliConfig;
import dev.errand.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code errand} entry point: the CLI's command tree plus {@code server}. The only place
 * that calls {@link System#exit}.
 */
public final class Main {
    private Main() {}

    /**
     * @param args the command line, such as {@code server --configure-cli} or {@code run "make test"}
     */
    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system(), System.getenv(), args).execute(args));
    }

    /**
     * Builds the full command tree; tests call this instead of {@link #main}.
     *
     * @param cli the CLI's streams and terminal facts
     * @param env the process environment
     * @return the root command
     */
    public static CommandLine commandLine(CliEnvironment cli, Map<String, String> env) {
        return commandLine(cli, env, new String[0]);
    }

    /** As {@link #commandLine(CliEnvironment, Map)}, building only the branch {@code args} name (see {@link Cli}). */
    static CommandLine commandLine(CliEnvironment cli, Map<String, String> env, String... args) {
        return Cli.commandLine(cli, List.of(new ServerCommand(env, (endpoint, key) -> {
            Path path = CliConfig.defaultPath(env);
            CliConfig.load(path).withEndpoint(endpoint).withApiKey(key).save(path);
        })), args);
    }
}
