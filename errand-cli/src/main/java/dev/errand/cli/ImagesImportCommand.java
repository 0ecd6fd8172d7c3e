package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.protocol.ImportedImageView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand images import NAME --source SRC}: imports an OCI image for the oci driver. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an OCI image for the oci driver, or re-import the OCI image of that name.",
            "The same as 'images register NAME --driver oci --source SRC', with entrypoint,",
            "cmd and digest options. Sources: docker://REF (pulled with skopeo),",
            "oci-archive:PATH[:TAG], oci:DIR[:TAG], docker-archive:PATH; paths are read on",
            "the server's host (relative ones are made absolute here)."},
        footer = {"", "Examples:", "  errand images import tf --source docker://hashicorp/terraform:1.9",
            "  errand images import py --source oci-archive:/srv/py.tar --memory 512m"})
final class ImagesImportCommand implements Callable<Integer> {
    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name executions will use (a-z 0-9 . _ -).")
    String name;

    @Option(names = "--source", required = true, paramLabel = "SRC", description = "Where the image comes from (see above).")
    String source;

    @Option(names = "--digest", paramLabel = "sha256:HEX", description = "Fail unless the image's manifest has this digest.")
    String digest;

    @Option(names = "--entrypoint", paramLabel = "ARG", split = ",",
            description = "Replace the image's entrypoint (comma-separated arguments; '' clears it).")
    List<String> entrypoint;

    @Option(names = "--cmd", paramLabel = "ARG", split = ",", description = "Replace the image's cmd (comma-separated arguments).")
    List<String> cmd;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Add to (or replace in) the image's environment; repeatable.")
    Map<String, String> envVars;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Replace the image's working directory (where the work dir is mounted).")
    String workdir;

    @Option(names = "--user", paramLabel = "USER[:GROUP]", description = "Replace the image's user (name or number).")
    String user;

    @Option(names = "--network", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Whether executions get the host's network by default (default: on).")
    boolean network;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory limit of each execution, e.g. 512m or 2g.")
    String memory;

    @Option(names = "--max-processes", paramLabel = "N", description = "Process limit of each execution.")
    Integer maxProcesses;

    private final CliEnvironment env;

    ImagesImportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ImageImportRequest request = new ImageImportRequest(name, absolute(source), digest, cleared(entrypoint),
                cleared(cmd), envVars == null ? null : new LinkedHashMap<>(envVars), workdir, user, network,
                memory == null ? null : Sizes.parse(memory), maxProcesses);
        JsonNode node;
        try (Spinner spinner = session.messages().waiting("importing " + source)) {
            node = session.api(IMPORT_TIMEOUT).post(ApiPaths.IMAGES_IMPORT, request);
        }
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        ImportedImageView view = session.json().convertValue(node, ImportedImageView.class);
        session.messages().success("imported image " + view.name() + " (" + view.digest() + ")");
        env.out().println(view.name() + "\t" + view.digest());
        return ExitCodes.OK;
    }

    /** A local path is made absolute here: the server cannot know the caller's directory. */
    static String absolute(String src) {
        for (String transport : List.of("oci-archive:", "oci:", "docker-archive:")) {
            if (src.startsWith(transport) && !src.startsWith(transport + "/")) {
                return transport + Path.of(src.substring(transport.length())).toAbsolutePath();
            }
        }
        return src;
    }

    private static List<String> cleared(List<String> args) {
        return args == null ? null : args.stream().filter(a -> !a.isEmpty()).toList();
    }
}
