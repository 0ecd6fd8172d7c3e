package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.SecretView;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand secrets show NAME [--reveal]}: a secret's metadata, and its value for admins who ask. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a secret's metadata; --reveal also prints its value (admins only; audited).")
final class SecretShowCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The secret's name.")
    String name;

    @Option(names = "--reveal", description = "Print the value too (admins only; the server audits it).")
    boolean reveal;

    private final CliEnvironment env;

    SecretShowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        String path = ApiPaths.SECRETS + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + (reveal ? "/value" : "");
        print(session, api, api.get(path));
        return ExitCodes.OK;
    }

    /** Prints one secret as {@code Key: value} lines, or as JSON with {@code --json}. */
    static void print(Session session, ApiClient api, JsonNode node) {
        if (session.options().json) {
            session.printJson(node);
            return;
        }
        SecretView s = api.convert(node, SecretView.class);
        PrintWriter out = session.env().out();
        Ansi ansi = session.outAnsi();
        Fields.print(out, ansi, "Name", s.name());
        Fields.print(out, ansi, "Env name", s.envName());
        Fields.print(out, ansi, "Description", s.description());
        Fields.print(out, ansi, "Roles", s.roles() == null || s.roles().isEmpty() ? "any that may run" : String.join(", ", s.roles()));
        Fields.print(out, ansi, "Created", s.createdBy() + " at " + TimeText.seconds(s.createdAt()) + " UTC");
        Fields.print(out, ansi, "Updated", s.updatedBy() + " at " + TimeText.seconds(s.updatedAt()) + " UTC");
        if (s.value() != null) {
            Fields.print(out, ansi, "Value", s.value());
        }
    }
}
