package dev.errand.cli;

import dev.errand.playbook.Playbook;
import dev.errand.playbook.PlaybookFile;
import dev.errand.protocol.ErrandException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand playbook list}: name and description of each playbook; invalid ones say why. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List playbooks in ./.errand/ (else $XDG_CONFIG_HOME/errand/playbooks); invalid files are reported.")
final class PlaybookListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--dir", paramLabel = "DIR", description = "Read playbooks from this directory instead.")
    Path dir;

    private final CliEnvironment env;

    PlaybookListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        Path where = Playbooks.dir(env, dir);
        List<Path> files = Playbooks.files(where);
        if (files.isEmpty()) {
            session.messages().info("no playbooks in " + where);
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "DESCRIPTION");
        int invalid = 0;
        for (Path f : files) {
            try {
                Playbook p = PlaybookFile.read(f);
                table.row(p.name(), p.description() == null ? null : Table.cut(p.description(), 70));
            } catch (ErrandException e) {
                invalid++;
                session.messages().warn(e.getMessage());
            }
        }
        table.print(env.out(), session.outAnsi());
        session.messages().info("playbooks in " + where);
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
