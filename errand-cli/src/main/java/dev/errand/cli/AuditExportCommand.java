package dev.errand.cli;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand audit export}: audit entries as JSON Lines, oldest first, streamed to stdout or a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write audit entries as JSON Lines (one object per line, oldest first, with seq, prev_hash and"
            + " hash so the chain can be checked elsewhere)."})
final class AuditExportCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    AuditFilters filters;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (created 0600) instead of stdout.")
    Path output;

    private final CliEnvironment env;

    AuditExportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        String path = filters.query().on(ApiPaths.AUDIT_EXPORT);
        AtomicLong count = new AtomicLong();
        if (output == null) {
            api.lines(path, line -> {
                env.out().println(line);
                count.incrementAndGet();
            });
            env.out().flush();
        } else {
            Files.deleteIfExists(output);
            Files.createFile(output, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(w)) {
                api.lines(path, line -> {
                    out.println(line);
                    count.incrementAndGet();
                });
                if (out.checkError()) {
                    throw new ErrandException(ErrorCode.INTERNAL, "could not write " + output);
                }
            }
        }
        session.messages().success("exported " + count.get() + " audit entries" + (output == null ? "" : " to " + output));
        return ExitCodes.OK;
    }
}
