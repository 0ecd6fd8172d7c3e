package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImagePruneView;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand images prune}: removes unpacked OCI images that no image names and no container uses. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove unpacked OCI images that no image names and no container uses; prints their digests.")
final class ImagesPruneCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    ImagesPruneCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        JsonNode node = session.api().post(ApiPaths.IMAGES_PRUNE, Map.of());
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        ImagePruneView view = session.json().convertValue(node, ImagePruneView.class);
        view.removed().forEach(env.out()::println);
        session.messages().success(String.format(Locale.ROOT, "removed %d unpacked image(s), freed %.1f MiB",
                view.removed().size(), view.freedBytes() / (1024.0 * 1024.0)));
        return ExitCodes.OK;
    }
}
