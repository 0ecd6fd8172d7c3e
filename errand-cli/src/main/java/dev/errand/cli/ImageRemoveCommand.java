package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand images remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an image (not the default: make another the default first; built images' files go too).")
final class ImageRemoveCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name.")
    String name;

    private final CliEnvironment env;

    ImageRemoveCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        session.api().exchange("DELETE", ApiPaths.IMAGES + "/" + name, null);
        session.messages().success("image " + name + " removed");
        return ExitCodes.OK;
    }
}
