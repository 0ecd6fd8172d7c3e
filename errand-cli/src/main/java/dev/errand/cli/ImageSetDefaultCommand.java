package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand images set-default NAME}. */
@Command(name = "set-default", mixinStandardHelpOptions = true, description = "Make an image the default for runs that name none.")
final class ImageSetDefaultCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name.")
    String name;

    private final CliEnvironment env;

    ImageSetDefaultCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        ImageShowCommand.print(session, api, api.post(ApiPaths.IMAGES + "/" + name + "/default", null));
        session.messages().success("image " + name + " is now the default");
        return ExitCodes.OK;
    }
}
