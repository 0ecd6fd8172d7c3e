package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.cli.CliEnvironment;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The one line each command shows in its parent's {@code --help} listing (picocli lists the first
 * line of the header, else of the description) must stand on its own: a whole sentence, not the
 * start of one cut where the source wrapped it.
 */
class CommandSummaryTest {
    @Test
    void everyListedSummaryIsACompleteSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine command : descendants(root())) {
            String summary = summary(command.getCommandSpec().usageMessage());
            if (!complete(summary)) {
                cut.add(command.getCommandSpec().qualifiedName() + ": " + summary);
            }
        }
        assertThat(cut).as("summaries cut mid-sentence (make the first description line a whole sentence)").isEmpty();
    }

    @Test
    void theCheckRejectsASummaryCutMidSentence() {
        assertThat(complete("Register an image: a root filesystem directory on the server (--rootfs), an OCI image run"))
                .isFalse();
        assertThat(complete("Build a Debian image on the server with mmdebstrap and register it (cached: an identical"))
                .isFalse();
        assertThat(complete("List executions, newest first, one page at a time.")).isTrue();
        assertThat(complete("Release a lock (operators and admins; audited).")).isTrue();
    }

    /** @return true when the line starts upper-case, ends with a full stop and closes every parenthesis it opens */
    static boolean complete(String line) {
        long opened = line.chars().filter(c -> c == '(').count();
        long closed = line.chars().filter(c -> c == ')').count();
        return !line.isBlank() && Character.isUpperCase(line.charAt(0)) && line.endsWith(".") && opened == closed;
    }

    private static String summary(UsageMessageSpec usage) {
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        return lines.length == 0 ? "" : lines[0].split("%n|\\R", -1)[0].strip();
    }

    private static CommandLine root() {
        CliEnvironment quiet = CliEnvironment.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of());
        return Main.commandLine(quiet, Map.of());
    }

    private static List<CommandLine> descendants(CommandLine parent) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : parent.getSubcommands().values()) {
            out.add(sub);
            out.addAll(descendants(sub));
        }
        return out;
    }
}
