package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand images register NAME [--rootfs DIR] [defaults...]}. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register an image for sandboxes to start from.",
            "Its files are a root filesystem directory on the server (--rootfs), an OCI image",
            "run by the oci driver (--source docker://REF, oci-archive:PATH, oci:DIR[:TAG],",
            "docker-archive:PATH), or the host's files with other defaults. Debian images are",
            "made with 'errand images build'."},
        footer = {"", "Examples:", "  errand images register tf --driver oci --source docker://hashicorp/terraform:1.9",
            "  errand images register tools --rootfs /srv/rootfs/tools --memory 512"})
final class ImageRegisterCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name: lower-case letters, digits, '.', '_', '-'.")
    String name;

    @Option(names = "--rootfs", paramLabel = "DIR", description = "Absolute directory on the server holding a root filesystem.")
    Path rootfs;

    @Option(names = "--source", paramLabel = "SRC",
            description = "An OCI image to import (local paths are read on the server; relative ones are made absolute here).")
    String source;

    @Option(names = "--driver", paramLabel = "DRIVER", description = "The driver that runs it (default: the server's; oci for OCI sources).")
    String driver;

    @Option(names = "--cpus", paramLabel = "N", description = "vCPUs billed by default in the cost estimate.")
    Double cpus;

    @Option(names = "--memory", paramLabel = "MIB", description = "Default memory limit in MiB.")
    Integer memoryMb;

    @Option(names = "--max-processes", paramLabel = "N", description = "Default limit of processes and threads.")
    Integer maxProcesses;

    @Option(names = "--cpu-time", paramLabel = "SECONDS", description = "Default CPU-time limit in seconds.")
    Integer cpuSeconds;

    @Option(names = "--network", negatable = true, description = "Give executions the network by default (default: on).")
    Boolean network;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Default environment variable; repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--user", paramLabel = "USER", description = "User inside the sandbox: root or a numeric id.")
    String user;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Directory inside the sandbox commands start in (default /work).")
    String workdir;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Default wall-clock limit: 90s, 10m, 1h, ...")
    Duration timeout;

    @Option(names = "--role", paramLabel = "ROLE", description = "Restrict use to this role (besides operator and admin); repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--set-default", description = "Make it the default image.")
    boolean setDefault;

    private final CliEnvironment cliEnv;

    ImageRegisterCommand(CliEnvironment cliEnv) {
        this.cliEnv = cliEnv;
    }

    @Override
    public Integer call() {
        Session session = new Session(cliEnv, global);
        ApiClient api = session.api();
        String src = source != null ? ImagesImportCommand.absolute(source) : rootfs == null ? "host" : "rootfs";
        ImageRequest request = new ImageRequest(name, src,
                rootfs == null ? null : rootfs.toString(), driver, cpus, memoryMb, maxProcesses, cpuSeconds, network,
                env.isEmpty() ? null : env, user, workdir, timeout == null ? null : (int) timeout.toSeconds(),
                roles.isEmpty() ? null : roles, setDefault ? Boolean.TRUE : null);
        if (source != null) {
            api = session.api(ImagesImportCommand.IMPORT_TIMEOUT);
        }
        ImageShowCommand.print(session, api, api.post(ApiPaths.IMAGES, request));
        session.messages().success("image " + name + " registered" + (setDefault ? " as the default" : ""));
        return ExitCodes.OK;
    }
}
