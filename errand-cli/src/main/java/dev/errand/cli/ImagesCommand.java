package dev.errand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code errand images}: the image subcommands; alone it prints their usage. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Manage images: import OCI images for the oci driver, prune unused ones.")
final class ImagesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints usage on stderr: a subcommand is required. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
