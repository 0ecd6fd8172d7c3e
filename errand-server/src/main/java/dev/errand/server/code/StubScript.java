package dev.errand.server.code;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes what a waiting sandbox reads on its stdin for one run: a line with the script's length,
 * the script, then the raw bytes the script copies out with {@code dd} (each file, stdin, the
 * cached artefacts if any). The script compiles (if needed), runs the program with its limits
 * ({@code timeout -s KILL}, {@code prlimit}: data, processes, CPU, file size), and reports on its
 * own stdout, which carries nothing else:
 *
 * <pre>
 * C                                    compilation starts (compiled languages, no cached artefacts)
 * K EXIT OUTPUT_BYTES ARTEFACT_BYTES   then min(OUTPUT_BYTES, cap) bytes of compiler output and
 *                                      the artefact tar (EXIT is "=" when the cache supplied it)
 * R                                    the program starts
 * E                                    the program has ended
 * X EXIT USER_S SYS_S MAXRSS_KB OUT_BYTES ERR_BYTES   then min(OUT_BYTES, cap) bytes of stdout
 *                                      and min(ERR_BYTES, cap) bytes of stderr ("-" when unmeasured)
 * </pre>
 *
 * The program's stdin, stdout and stderr are files in the sandbox's private {@code /tmp}, so
 * {@code /dev/stdin} works, nothing blocks on a pipe, and output written before a timeout is
 * kept. After each step every leftover process is killed ({@code kill -9 -1}). Stateless.
 */
final class StubScript {
    private StubScript() {}

    /**
     * @param job the run
     * @param limits the server's limits
     * @param compileTimeoutMs the compile step's limit
     * @param cached artefacts from an identical earlier compile, or null
     * @param keepArtefacts true to send the compiled {@code /work} back as a tar for the cache
     * @param gnuTime true when {@code /usr/bin/time} exists in the sandbox
     * @return the bytes to write to the sandbox's stdin
     */
    static byte[] request(Job job, CodeLimits limits, int compileTimeoutMs, byte[] cached, boolean keepArtefacts,
            boolean gnuTime) {
        Language l = job.language();
        StringBuilder s = new StringBuilder("cd /work || exit 97\n");
        for (SourceFile f : job.files()) {
            s.append(copy(f.content().length, quote(f.name())));
        }
        int cap = limits.maxOutputBytes();
        // All of stdin is consumed before anything is written back, so the server can write the
        // whole request before it reads: no deadlock between two full pipes.
        s.append(copy(job.stdin().length, "/tmp/.i"));
        if (cached != null) {
            s.append(copy(cached.length, "/tmp/.a")).append("tar -xf /tmp/.a || exit 97\nprintf 'K = 0 0\\n'\n");
        } else if (l.compiled()) {
            s.append("printf 'C\\n'\n")
                    .append(limit(compileTimeoutMs, limits.compileMemoryMb() + l.memoryOverheadMb(), 0, limits))
                    .append("/bin/sh -c ").append(quote(l.compileCommand(job.mainFile(), job.memoryMb())))
                    .append(" </dev/null >/tmp/.c 2>&1\nc=$?\nkill -9 -1 2>/dev/null\n: > /tmp/.a\n");
            if (keepArtefacts) {
                s.append("[ $c -ne 0 ] || tar -cf /tmp/.a . 2>/dev/null || : > /tmp/.a\n");
            }
            s.append("set -- $(stat -c %s /tmp/.c /tmp/.a)\nprintf 'K %s %s %s\\n' $c $1 $2\n")
                    .append("head -c ").append(cap).append(" /tmp/.c\ncat /tmp/.a\n[ $c -eq 0 ] || exit 0\n");
        }
        s.append("printf 'R\\n'\n");
        if (gnuTime) {
            s.append("/usr/bin/time -q -f '%U %S %M' -o /tmp/.t ");
        }
        s.append(limit(job.timeoutMs(), job.memoryMb() + l.memoryOverheadMb(), CodeLimits.cpuSeconds(job.timeoutMs()), limits))
                .append(l.runCommand(job.mainFile(), job.memoryMb()));
        for (String arg : job.args()) {
            s.append(' ').append(quote(arg));
        }
        s.append(" </tmp/.i >/tmp/.o 2>/tmp/.e\nr=$?\nprintf 'E\\n'\nkill -9 -1 2>/dev/null\nt='- - -'\n")
                .append(gnuTime ? "IFS= read -r t </tmp/.t\n" : "")
                .append("set -- $(stat -c %s /tmp/.o /tmp/.e)\nprintf 'X %s %s %s %s\\n' $r \"$t\" $1 $2\n")
                .append("head -c ").append(cap).append(" /tmp/.o\nhead -c ").append(cap).append(" /tmp/.e\n");
        return assemble(s.toString(), job, cached);
    }

    /** The stdin bytes: script length, script, files, program stdin, cached artefacts. */
    private static byte[] assemble(String script, Job job, byte[] cached) {
        byte[] text = script.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 64);
        out.writeBytes((text.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text);
        job.files().forEach(f -> out.writeBytes(f.content()));
        out.writeBytes(job.stdin());
        if (cached != null) {
            out.writeBytes(cached);
        }
        return out.toByteArray();
    }

    /** A line that copies exactly {@code bytes} bytes of stdin into {@code target}. */
    private static String copy(long bytes, String target) {
        if (bytes == 0) {
            return ": > " + target + "\n";
        }
        return "dd bs=" + bytes + " count=1 iflag=fullblock status=none of=" + target + " || exit 97\n";
    }

    /** {@code timeout -s KILL S prlimit ... --}: wall time, data, processes, CPU, file size; no core dumps. */
    private static String limit(int timeoutMs, int memoryMb, long cpuSeconds, CodeLimits limits) {
        return String.format(Locale.ROOT, "timeout -s KILL %.3f prlimit --core=0 --data=%d --nproc=%d%s --fsize=%d -- ",
                timeoutMs / 1000.0, (long) memoryMb << 20, limits.maxProcesses(),
                cpuSeconds > 0 ? " --cpu=" + cpuSeconds : "", limits.maxFileBytes());
    }

    /** @return {@code s} as one single-quoted shell word */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
