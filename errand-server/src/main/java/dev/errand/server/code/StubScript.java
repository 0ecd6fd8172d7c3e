package dev.errand.server.code;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a waiting sandbox reads on its stdin for one run: a line with the script's length,
 * the script, then the raw bytes the script copies out with {@code dd} (files and stdin too large
 * or binary to inline, then cached artefacts). The script writes the files, compiles (if needed),
 * runs the program under its limits (set with the shell's {@code ulimit} in a subshell: data,
 * processes, CPU, file size, no core dumps), and reports on its own stdout, which carries nothing
 * else:
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
 * Wall-clock limits are the server's: when a step overruns it sends SIGTERM to the script, which
 * kills the step (see {@link #step}) and reports what was left. The program's stdin, stdout and
 * stderr are files in the sandbox's private {@code /tmp}, so {@code /dev/stdin} works, nothing
 * blocks on a pipe, and output written before a timeout is kept. After each step every leftover
 * process is killed ({@code kill -9 -1}). Everything but the program itself is a shell builtin
 * except {@code dd}, {@code stat}, {@code head} (and GNU {@code time}, which measures CPU and
 * peak memory): each started program costs about a millisecond of CPU. Stateless.
 */
final class StubScript {
    /** Files up to this size without NUL bytes are written by the script itself, not copied by dd. */
    static final int INLINE_BYTES = 64 * 1024;

    private StubScript() {}

    /**
     * @param job the run
     * @param limits the server's limits
     * @param cached artefacts from an identical earlier compile, or null
     * @param keepArtefacts true to send the compiled {@code /work} back as a tar for the cache
     * @param gnuTime true when {@code /usr/bin/time} exists in the sandbox
     * @return the bytes to write to the sandbox's stdin
     */
    static byte[] request(Job job, CodeLimits limits, byte[] cached, boolean keepArtefacts, boolean gnuTime) {
        Language l = job.language();
        StringBuilder s = new StringBuilder("cd /work || exit 97\n");
        List<byte[]> raw = new ArrayList<>();
        for (SourceFile f : job.files()) {
            write(s, raw, f.content(), quote(f.name()));
        }
        // All of stdin is consumed before anything is written back, so the server can write the
        // whole request before it reads: no deadlock between two full pipes.
        write(s, raw, job.stdin(), "/tmp/.i");
        int cap = limits.maxOutputBytes();
        if (cached != null) {
            raw.add(cached);
            s.append(copy(cached.length, "/tmp/.a")).append("tar -xf /tmp/.a || exit 97\nprintf 'K = 0 0\\n'\n");
        } else if (l.compiled()) {
            s.append("printf 'C\\n'\n");
            step(s, ulimits(limits.compileMemoryMb() + l.memoryOverheadMb(), 0, limits) + "exec /bin/sh -c "
                    + quote(l.compileCommand(job.mainFile(), job.memoryMb())), "</dev/null >/tmp/.c 2>&1", "c");
            if (keepArtefacts) {
                s.append(": > /tmp/.a\n[ $c -ne 0 ] || tar -cf /tmp/.a . 2>/dev/null || : > /tmp/.a\n")
                        .append("set -- $(stat -c %s /tmp/.c /tmp/.a)\nprintf 'K %s %s %s\\n' $c $1 $2\n")
                        .append("head -c ").append(cap).append(" /tmp/.c\ncat /tmp/.a\n");
            } else {
                s.append("set -- $(stat -c %s /tmp/.c)\nprintf 'K %s %s 0\\n' $c $1\nhead -c ").append(cap)
                        .append(" /tmp/.c\n");
            }
            s.append("[ $c -eq 0 ] || exit 0\n");
        }
        StringBuilder run = new StringBuilder(ulimits(job.memoryMb() + l.memoryOverheadMb(),
                CodeLimits.cpuSeconds(job.timeoutMs()), limits)).append("exec ");
        if (gnuTime) {
            run.append("/usr/bin/time -q -f '%U %S %M' -o /tmp/.t ");
        }
        run.append(l.runCommand(job.mainFile(), job.memoryMb()));
        for (String arg : job.args()) {
            run.append(' ').append(quote(arg));
        }
        s.append("printf 'R\\n'\n");
        step(s, run.toString(), "</tmp/.i >/tmp/.o 2>/tmp/.e", "r");
        s.append("printf 'E\\n'\nt='- - -'\n")
                .append(gnuTime ? "[ -s /tmp/.t ] && IFS= read -r t </tmp/.t\n" : "")
                .append("set -- $(stat -c %s /tmp/.o /tmp/.e)\nprintf 'X %s %s %s %s\\n' $r \"$t\" $1 $2\n")
                .append("head -q -c ").append(cap).append(" /tmp/.o /tmp/.e\n");
        return assemble(s.toString(), raw);
    }

    /**
     * Runs {@code commands} in a limited subshell in the background and waits for it, its exit
     * status in {@code $var}. The server stops an overrunning step with SIGTERM to the script,
     * whose trap kills every other process in the sandbox ({@code kill -9 -1}, atomic against a
     * program that keeps forking); the script then collects the real status and reports. Once the
     * step is over the trap ignores SIGTERM, so a late stop cannot hit the reporting.
     */
    private static void step(StringBuilder s, String commands, String redirects, String var) {
        s.append("trap 'kill -9 -1 2>/dev/null; z=1' TERM\nz=0\n(").append(commands).append(") ").append(redirects)
                .append(" &\np=$!\nwait $p\n").append(var).append("=$?\n[ $z = 0 ] || { wait $p; ").append(var)
                .append("=$?; }\ntrap '' TERM\nkill -9 -1 2>/dev/null\n");
    }

    /** Inlines small text into the script (a builtin, no process), else copies raw bytes with dd. */
    private static void write(StringBuilder s, List<byte[]> raw, byte[] content, String target) {
        if (content.length == 0) {
            s.append(": > ").append(target).append('\n');
        } else if (content.length <= INLINE_BYTES && inlinable(content)) {
            s.append("printf '%s' ").append(quote(new String(content, StandardCharsets.UTF_8))).append(" > ")
                    .append(target).append('\n');
        } else {
            raw.add(content);
            s.append(copy(content.length, target));
        }
    }

    /** @return true for valid UTF-8 without NUL, which survives a round trip through the script */
    private static boolean inlinable(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        return java.util.Arrays.equals(new String(content, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
                content);
    }

    /** The stdin bytes: script length, script, then the raw blocks in the order the script copies them. */
    private static byte[] assemble(String script, List<byte[]> raw) {
        byte[] text = script.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 64);
        out.writeBytes((text.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text);
        raw.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A line that copies exactly {@code bytes} bytes of stdin into {@code target}. */
    private static String copy(long bytes, String target) {
        return "dd bs=" + bytes + " count=1 iflag=fullblock status=none of=" + target + " || exit 97\n";
    }

    /** {@code ulimit} builtins (soft = hard): no core dumps, data, processes, CPU seconds (if > 0), file size. */
    private static String ulimits(int memoryMb, long cpuSeconds, CodeLimits limits) {
        // dash calls the process limit -p, bash -u
        return "ulimit -c 0; ulimit -d " + ((long) memoryMb << 10) + "; ulimit -p " + limits.maxProcesses()
                + " 2>/dev/null || ulimit -u " + limits.maxProcesses() + "; "
                + (cpuSeconds > 0 ? "ulimit -t " + cpuSeconds + "; " : "")
                + "ulimit -f " + limits.maxFileBytes() / 512 + "; ";
    }

    /** @return {@code s} as one single-quoted shell word */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
