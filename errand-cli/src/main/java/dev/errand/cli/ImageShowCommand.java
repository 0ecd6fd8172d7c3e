package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.playbook.DurationText;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageView;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand images show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an image: source, defaults, roles, build state.")
final class ImageShowCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The image name.")
    String name;

    private final CliEnvironment env;

    ImageShowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        print(session, api, api.get(ApiPaths.IMAGES + "/" + name));
        return ExitCodes.OK;
    }

    /** Prints one image as {@code Key: value} lines, or JSON with {@code --json}. */
    static void print(Session session, ApiClient api, JsonNode node) {
        if (session.options().json) {
            session.printJson(node);
            return;
        }
        ImageView i = api.convert(node, ImageView.class);
        PrintWriter out = session.env().out();
        Ansi a = session.outAnsi();
        Fields.print(out, a, "Name", i.name() + (i.isDefault() ? " (default)" : ""));
        Fields.print(out, a, "Source", i.source() + (i.rootfs() == null ? "" : " " + i.rootfs()));
        if (i.suite() != null) {
            Fields.print(out, a, "Debian", i.suite() + (i.packages() == null ? "" : " + " + String.join(",", i.packages())));
            Fields.print(out, a, "Build", i.buildState() + (i.builtAt() == null ? "" : ", built " + TimeText.seconds(i.builtAt()) + " UTC"));
        }
        Fields.print(out, a, "Driver", i.driver());
        Fields.print(out, a, "CPUs", i.cpus() == null ? null : i.cpus().toString());
        Fields.print(out, a, "Memory", i.memoryMb() == null ? null : i.memoryMb() + " MiB");
        Fields.print(out, a, "Processes", i.maxProcesses() == null ? null : i.maxProcesses().toString());
        Fields.print(out, a, "CPU time", i.cpuSeconds() == null ? null : DurationText.formatSeconds(i.cpuSeconds()));
        Fields.print(out, a, "Timeout", i.timeoutSeconds() == null ? null : DurationText.formatSeconds(i.timeoutSeconds()));
        Fields.print(out, a, "Network", i.network() ? "on" : "off");
        Fields.print(out, a, "User", i.user());
        Fields.print(out, a, "Workdir", i.workdir() == null ? "/work" : i.workdir());
        Fields.print(out, a, "Roles", i.roles() == null || i.roles().isEmpty() ? "any that may run" : String.join(", ", i.roles()));
        Map<String, String> env = i.env() == null ? Map.of() : new TreeMap<>(i.env());
        env.forEach((k, v) -> Fields.print(out, a, "Env", k + "=" + v));
    }
}
