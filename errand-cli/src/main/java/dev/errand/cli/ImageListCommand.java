package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageList;
import dev.errand.protocol.ImageView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand images list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List images; the default is marked with *.")
final class ImageListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    ImageListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.IMAGES);
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "DEFAULT", "SOURCE", "DRIVER", "CPUS", "MEMORY", "NETWORK", "STATE");
        for (ImageView i : api.convert(node, ImageList.class).items()) {
            table.row(i.name(), i.isDefault() ? "*" : "", i.source(), i.driver(), i.cpus() == null ? null : i.cpus().toString(),
                    i.memoryMb() == null ? null : i.memoryMb() + "M", i.network() ? "on" : "off",
                    i.buildState() == null ? "ready" : Table.cut(i.buildState(), 30));
        }
        table.print(env.out(), session.outAnsi());
        return ExitCodes.OK;
    }
}
