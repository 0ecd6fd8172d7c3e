package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class CommandRegistrationTest {
    @TempDir
    Path dir;

    private final CommandLine cli = Cli.commandLine(CliEnvironment.of(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), new BufferedReader(new StringReader("")), Map.of()));

    @Test
    void everyClientCommandIsRegistered() {
        assertThat(cli.getSubcommands().keySet())
                .containsExactlyInAnyOrder("help", "configure", "run", "logs", "status", "list", "kill", "health", "version",
                        "claim", "users", "keys", "audit", "trace", "secrets", "locks", "images", "usage", "playbook",
                        "code", "languages");
        assertThat(cli.getSubcommands().get("users").getSubcommands().keySet())
                .containsExactlyInAnyOrder("create", "list", "revoke", "set-role", "reissue");
        assertThat(cli.getSubcommands().get("keys").getSubcommands().keySet()).containsExactlyInAnyOrder("create", "list", "revoke");
        assertThat(cli.getSubcommands().get("audit").getSubcommands().keySet()).containsExactlyInAnyOrder("list", "verify", "export");
        assertThat(cli.getSubcommands().get("images").getSubcommands().keySet())
                .containsExactlyInAnyOrder("register", "list", "show", "remove", "set-default", "build", "import", "prune");
        assertThat(cli.getSubcommands().get("secrets").getSubcommands().keySet())
                .containsExactlyInAnyOrder("create", "list", "show", "update", "delete");
        assertThat(cli.getSubcommands().get("locks").getSubcommands().keySet()).containsExactlyInAnyOrder("list", "release");
    }

    @Test
    void aCommandLineThatNamesACommandBuildsOnlyThatCommandsBranch() {
        CliEnvironment env = CliEnvironment.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of());
        for (String name : cli.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine only = Cli.commandLine(env, List.of(), name, "--help");

            assertThat(only.getSubcommands().keySet()).as(name).containsExactlyInAnyOrder("help", name);
            assertThat(allCommands(only.getSubcommands().get(name))).as(name)
                    .hasSameSizeAs(allCommands(cli.getSubcommands().get(name)));
        }
        assertThat(Cli.commandLine(env, List.of(), "--help").getSubcommands()).hasSameSizeAs(cli.getSubcommands());
        assertThat(Cli.commandLine(env, List.of(), "stauts").getSubcommands()).as("a typo gets every command to suggest from")
                .hasSameSizeAs(cli.getSubcommands());
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            out.add(sub);
            out.addAll(allCommands(sub));
        }
        return out;
    }

    @Test
    void everyCommandOptionAndParameterHasADescription() {
        for (CommandLine sub : allCommands(cli)) {
            CommandSpec spec = sub.getCommandSpec();
            assertThat(String.join("", spec.usageMessage().description())).as(spec.name()).isNotBlank();
            for (OptionSpec option : spec.options()) {
                assertThat(String.join("", option.description())).as(spec.name() + " " + option.longestName()).isNotBlank();
            }
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                assertThat(String.join("", parameter.description())).as(spec.name() + " " + parameter.paramLabel()).isNotBlank();
            }
        }
    }

    @Test
    void everyClientCommandTakesTheGlobalOptions() {
        for (CommandLine command : allCommands(cli)) {
            CommandSpec spec = command.getCommandSpec();
            if (!spec.subcommands().isEmpty() || spec.name().equals("help")) {
                continue;
            }
            assertThat(spec.optionsMap()).as(spec.qualifiedName()).containsKeys("--endpoint", "--api-key", "--json", "--config",
                    "--quiet", "-q", "--debug");
        }
    }

    @Test
    void helpGoesToStdoutAndExitsZeroAndTheApiKeyFlagIsMarkedDiscouraged() {
        CliHarness.Result result = new CliHarness(dir).run("run", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: errand run").contains("--wait-timeout").contains("Discouraged");
    }

    @Test
    void noSubcommandPrintsUsageOnStderrAndExits2() {
        CliHarness.Result result = new CliHarness(dir).run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: errand").contains("Exit codes:");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithASuggestion() {
        CliHarness.Result typo = new CliHarness(dir).run("stauts", "ex_1");
        CliHarness.Result badOption = new CliHarness(dir).run("status", "--colour", "ex_1");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("error: Unmatched arguments").contains("status");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--colour'").contains("Try 'errand status --help'");
    }

    @Test
    void theAppCanAddSubcommandsThatShareTheEnvironmentsStreams() {
        StringWriter out = new StringWriter();
        CliEnvironment env = CliEnvironment.of(new PrintWriter(out), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of());
        CommandLine withServer = Cli.commandLine(env, List.of(new ServerStub()));

        assertThat(withServer.execute("server", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: errand server");
        assertThat(withServer.execute("server")).isEqualTo(7);
    }

    @CommandLine.Command(name = "server", description = "Run the server.")
    static final class ServerStub implements Callable<Integer> {
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
        boolean help;

        @Override
        public Integer call() {
            return 7;
        }
    }
}
