package dev.errand.server.code;

import dev.errand.sandbox.ErrandStub;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes what a waiting sandbox's {@link ErrandStub} reads on its stdin for one run (the format is
 * in {@code errand-stub.c}): the output cap, the files, the program's stdin, cached artefacts or
 * the compiler, then the program, each step with its rlimits (data size, processes, CPU seconds,
 * file size; no core dumps). A command line made only of plain words is started directly, its
 * arguments as separate words; any other goes through {@code /bin/sh -c} with the request's
 * arguments as {@code "$@"}, so they are never parsed by a shell. The stub's report is read by
 * {@link StubReport}. Stateless.
 */
final class StubRequest {
    /** Words that need no shell: no quotes, variables, globs, redirections or operators. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:+,%@-]+( [A-Za-z0-9_./:=+,%@-]+)*");

    private StubRequest() {}

    /**
     * @param job the run
     * @param limits the server's limits
     * @param cached artefacts from an identical earlier compile, or null
     * @param keepArtefacts true to have the compiled {@code /work} sent back as a tar for the cache
     * @return the bytes to write to the sandbox's stdin
     */
    static byte[] of(Job job, CodeLimits limits, byte[] cached, boolean keepArtefacts) {
        Language l = job.language();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        line(out, ErrandStub.PROTOCOL);
        line(out, "O " + limits.maxOutputBytes());
        for (SourceFile f : job.files()) {
            block(out, "F " + f.content().length + " " + f.name(), f.content());
        }
        if (job.stdin().length > 0) {
            block(out, "I " + job.stdin().length, job.stdin());
        }
        if (cached != null) {
            block(out, "A " + cached.length, cached);
        } else if (l.compiled()) {
            step(out, "C " + rlimits(limits.compileMemoryMb() + l.memoryOverheadMb(), 0, limits) + " "
                    + (keepArtefacts ? 1 : 0), argv(l.compileCommand(job.mainFile(), job.memoryMb()), List.of()));
        }
        step(out, "R " + rlimits(job.memoryMb() + l.memoryOverheadMb(), CodeLimits.cpuSeconds(job.timeoutMs()), limits),
                argv(l.runCommand(job.mainFile(), job.memoryMb()), job.args()));
        if (l.preloadServes(job.memoryMb(), limits.defaultMemoryMb())) {
            line(out, "P");
        }
        return out.toByteArray();
    }

    /**
     * @param command a shell command line, run by {@code /bin/sh -c} without limits
     * @param cap the most output to report
     * @return a request that runs only {@code command}
     */
    static byte[] shell(String command, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        line(out, ErrandStub.PROTOCOL);
        line(out, "O " + cap);
        step(out, "R 0 0 0 0", List.of("/bin/sh", "-c", command));
        return out.toByteArray();
    }

    /** @return the argv of {@code command} with {@code args} appended */
    static List<String> argv(String command, List<String> args) {
        List<String> argv = new ArrayList<>();
        if (PLAIN.matcher(command).matches()) {
            argv.addAll(List.of(command.split(" ")));
        } else {
            argv.addAll(List.of("/bin/sh", "-c", args.isEmpty() ? command : command + " \"$@\"", "sh"));
        }
        argv.addAll(args);
        return argv;
    }

    /** {@code DATA_KB NPROC CPU_S FSIZE}; CPU 0 means none. */
    private static String rlimits(int memoryMb, long cpuSeconds, CodeLimits limits) {
        return ((long) memoryMb << 10) + " " + limits.maxProcesses() + " " + cpuSeconds + " " + limits.maxFileBytes();
    }

    private static void step(ByteArrayOutputStream out, String head, List<String> argv) {
        line(out, head + " " + argv.size());
        for (String a : argv) {
            out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
    }

    private static void block(ByteArrayOutputStream out, String head, byte[] content) {
        line(out, head);
        out.writeBytes(content);
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
