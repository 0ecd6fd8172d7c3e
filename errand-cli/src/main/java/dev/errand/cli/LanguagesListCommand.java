package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CodePaths;
import dev.errand.protocol.LanguageList;
import dev.errand.protocol.LanguageView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand languages list}: the catalogue as a table, installed languages first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the server's languages: id, version, whether installed and where it runs, source file.")
final class LanguagesListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--installed", description = "Only the languages this server can run now.")
    boolean installedOnly;

    private final CliEnvironment env;

    LanguagesListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(CodePaths.LANGUAGES);
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        List<LanguageView> all = api.convert(node, LanguageList.class).languages();
        Table table = new Table("ID", "NAME", "VERSION", "INSTALLED", "RUNS ON", "FILE", "PACKAGES");
        all.stream().filter(l -> l.installed() || !installedOnly)
                .sorted((a, b) -> Boolean.compare(b.installed(), a.installed()))
                .forEach(l -> table.row(l.id(), l.name(), l.version(), l.installed() ? "yes" : install(l), l.image(),
                        l.file(), String.join(" ", l.packages())));
        table.print(env.out(), session.outAnsi());
        long installed = all.stream().filter(LanguageView::installed).count();
        session.messages().info(installed + " of " + all.size() + " languages installed; an admin installs more with"
                + " 'errand languages install ID...'");
        return ExitCodes.OK;
    }

    private static String install(LanguageView l) {
        return l.install() == null ? "no" : "no (" + l.install() + ")";
    }
}
