package dev.errand.server.code;

import java.io.IOException;
import java.util.Optional;

/**
 * Parses one run's report (see {@link StubRequest} and {@code errand-stub.c}) while it arrives, timing each step by the
 * arrival of its markers. Not thread-safe; used by one run.
 */
final class StubReport {
    /** The most compiled artefacts a report may carry; the stub never sends more than the cache keeps. */
    static final long MAX_ARTEFACT_BYTES = 256L << 20;
    private final StubReader reader;
    private final int cap;

    /**
     * @param reader the sandbox's stdout
     * @param cap the output limit per stream (the stub sends at most this much of each)
     */
    StubReport(StubReader reader, int cap) {
        this.reader = reader;
        this.cap = cap;
    }

    /** What the stub reported: a compilation (if any) and the program's run (unless compiling failed). */
    record Parsed(Optional<Compilation> compilation, Optional<ProgramRun> run) {}

    /** Told when each step starts and ends, to enforce its wall-clock limit. */
    interface Steps {
        /** Steps without limits (the server's own short probes). */
        Steps NONE = new Steps() {
            @Override
            public void compiling() {}

            @Override
            public boolean compiled() {
                return false;
            }

            @Override
            public void running() {}

            @Override
            public boolean ended() {
                return false;
            }
        };

        /** The compiler starts. */
        void compiling();

        /** @return true when the compiler was stopped for running out of time */
        boolean compiled();

        /** The program starts. */
        void running();

        /** @return true when the program was stopped for running out of time */
        boolean ended();
    }

    /**
     * Reads the whole report.
     *
     * @param started System.nanoTime() when the request was written
     * @param steps told as each step starts and ends
     * @throws IOException when the stream ends early or does not follow the protocol (the
     *     sandbox died, was killed, or the stub failed)
     */
    Parsed read(long started, Steps steps) throws IOException {
        String line = next();
        long compileStart = started;
        Optional<Compilation> compilation = Optional.empty();
        if (line.equals("C")) {
            compileStart = System.nanoTime();
            steps.compiling();
            line = next();
        }
        if (line.startsWith("K ")) {
            boolean timedOut = steps.compiled();
            String[] k = fields(line, 4);
            boolean cached = k[1].equals("=");
            long outBytes = number(k[2]);
            byte[] output = reader.bytes(Math.min(outBytes, cap));
            long artefactBytes = number(k[3]);
            if (artefactBytes > MAX_ARTEFACT_BYTES) {
                throw new IOException("the sandbox reported " + artefactBytes + " bytes of artefacts");
            }
            byte[] artefacts = reader.bytes(artefactBytes);
            Compilation c = new Compilation(cached ? 0 : (int) number(k[1]), cached, output, outBytes, artefacts,
                    cached ? 0 : millisSince(compileStart), timedOut);
            compilation = Optional.of(c);
            if (!c.succeeded()) {
                return new Parsed(compilation, Optional.empty());
            }
            line = next();
        }
        expect(line, "R");
        long runStart = System.nanoTime();
        steps.running();
        expect(next(), "E");
        long millis = millisSince(runStart);
        boolean timedOut = steps.ended();
        String[] x = fields(next(), 7);
        long outBytes = number(x[5]);
        long errBytes = number(x[6]);
        byte[] stdout = reader.bytes(Math.min(outBytes, cap));
        byte[] stderr = reader.bytes(Math.min(errBytes, cap));
        Long cpu = cpuMillis(x[2], x[3]);
        Long rss = x[4].matches("\\d{1,15}") ? Long.valueOf(x[4]) : null;
        return new Parsed(compilation, Optional.of(new ProgramRun((int) number(x[1]), cpu, rss, stdout, outBytes,
                stderr, errBytes, millis, timedOut)));
    }

    private String next() throws IOException {
        String line = reader.line();
        if (line == null) {
            throw new IOException("the sandbox ended before reporting (did the program kill the sandbox's supervisor?)");
        }
        return line;
    }

    private static void expect(String line, String wanted) throws IOException {
        if (!line.equals(wanted)) {
            throw new IOException("unexpected report line from the sandbox: " + line);
        }
    }

    private static String[] fields(String line, int n) throws IOException {
        String[] f = line.split(" ");
        if (f.length != n) {
            throw new IOException("malformed report line from the sandbox: " + line);
        }
        return f;
    }

    private static long number(String s) throws IOException {
        try {
            long n = Long.parseLong(s);
            if (n < 0) {
                throw new IOException("negative number in the sandbox's report: " + s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("malformed number in the sandbox's report: " + s, e);
        }
    }

    /** @return user + system seconds as ms, or null when they were not measured */
    private static Long cpuMillis(String user, String sys) {
        try {
            return Math.round((Double.parseDouble(user) + Double.parseDouble(sys)) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whole milliseconds since {@code nanos}, rounded up: a step that ran never reads 0. */
    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos + 999_999) / 1_000_000;
    }
}
