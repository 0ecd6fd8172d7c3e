package dev.errand.cli;

import dev.errand.protocol.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The root {@code errand} command: holds the subcommands and prints usage when given none. */
@Command(name = "errand", mixinStandardHelpOptions = true, versionProvider = ErrandCommand.VersionProvider.class,
        subcommands = CommandLine.HelpCommand.class,
        description = "Run commands in isolated, ephemeral sandboxes on an Errand server, on the record.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  ERRAND_ENDPOINT       server URL (overridden by --endpoint)",
            "  ERRAND_API_KEY        API key (overridden by --api-key)",
            "  ERRAND_CONFIG         config file (default ~/.config/errand/config.yaml)",
            "  ERRAND_USER_<NAME>=v  'errand run' passes NAME=v to the command",
            "  ERRAND_INSECURE_HTTP  1 allows plain http:// to hosts other than loopback",
            "  ERRAND_DEBUG          1 shows stack traces of unexpected errors",
            "  NO_COLOR              set (non-empty) to turn colour off",
            "",
            "Exit codes:",
            "  run and logs -f: the remote command's exit code; 124 if it timed out or",
            "  --wait-timeout ran out; 130 if Ctrl-C detached (the execution keeps running).",
            "  Otherwise: 0 ok, 1 error, 2 usage, 3 auth, 4 not found, 5 conflict,",
            "  6 unavailable."
        })
final class ErrandCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints usage on stderr: a subcommand is required. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Supplies {@code --version}: the CLI's own version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"errand " + Version.current()};
        }
    }
}
