package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageBuildRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand images build NAME --suite bookworm --packages python3,git}: mmdebstrap on the server. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a Debian image on the server with mmdebstrap and register it.",
            "An identical ready build is reused unless --rebuild. Waits for the build unless --detach."})
final class ImageBuildCommand implements Callable<Integer> {
    private static final long POLL_MS = 2000;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name.")
    String name;

    @Option(names = "--suite", defaultValue = "bookworm", paramLabel = "SUITE", description = "Debian suite (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--packages", split = ",", paramLabel = "PKG,PKG", description = "Extra Debian packages, comma-separated.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--rebuild", description = "Build again even if an identical build is ready.")
    boolean rebuild;

    @Option(names = {"-d", "--detach"}, description = "Start the build and return at once.")
    boolean detach;

    private final CliEnvironment env;

    ImageBuildCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.IMAGES + "/" + name + "/build", new ImageBuildRequest(suite, packages, rebuild));
        if (!"building".equals(node.path("build_state").asText())) {
            session.messages().info("image " + name + " is already built from " + suite + " with these packages (--rebuild to build again)");
        } else if (!detach) {
            try (Spinner spinner = session.messages().waiting("building " + name + " from Debian " + suite + " with mmdebstrap")) {
                while ("building".equals(node.path("build_state").asText())) {
                    Thread.sleep(POLL_MS);
                    node = api.get(ApiPaths.IMAGES + "/" + name);
                }
            }
        }
        ImageShowCommand.print(session, api, node);
        String state = node.path("build_state").asText();
        if (state.startsWith("failed")) {
            session.messages().failure("build of " + name + " " + state);
            return ExitCodes.ERROR;
        }
        session.messages().success("image " + name + " " + (state.equals("building") ? "is building" : "is ready"));
        return ExitCodes.OK;
    }
}
