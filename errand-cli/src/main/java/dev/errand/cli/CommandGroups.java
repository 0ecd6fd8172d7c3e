package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The parent commands that only group subcommands ({@code errand secrets ...}). Run without a
 * subcommand, each prints its usage on stderr and exits 2, as the root command does.
 */
final class CommandGroups {
    private CommandGroups() {}

    /** Shared behaviour: usage on stderr, exit 2. */
    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    /** {@code errand secrets}. */
    @Command(name = "secrets", mixinStandardHelpOptions = true,
            description = "Manage secrets: values encrypted on the server, injected into executions as env, masked in logs.")
    static final class Secrets extends Group {}

    /** {@code errand locks}. */
    @Command(name = "locks", mixinStandardHelpOptions = true,
            description = "List and release locks (run --lock NAME allows one running execution per lock).")
    static final class Locks extends Group {}

    /** {@code errand images}. */
    @Command(name = "images", mixinStandardHelpOptions = true,
            description = "Manage images: what sandboxes start from, with their default limits, env and network.")
    static final class Images extends Group {}

    /** {@code errand playbook}. */
    @Command(name = "playbook", mixinStandardHelpOptions = true,
            description = "List, show and run playbooks: YAML runbooks in ./.errand/ or $XDG_CONFIG_HOME/errand/playbooks.")
    static final class Playbooks extends Group {}
}
