package dev.errand.server.code;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the stub's report (see {@link StubRequest} and {@code errand-stub.c}): short ASCII lines and counted byte blocks.
 * Not thread-safe; one run reads its sandbox's stdout with one reader.
 */
final class StubReader {
    private static final int MAX_LINE = 256;
    private final InputStream in;

    StubReader(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /**
     * @return the next line without its newline, or null at the end of the stream
     * @throws IOException when the line is longer than 256 bytes (not the stub speaking) or the read fails
     */
    String line() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return b.isEmpty() ? null : b.toString();
            }
            if (b.length() >= MAX_LINE) {
                throw new IOException("the sandbox sent a line of over " + MAX_LINE + " bytes");
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /**
     * @return exactly {@code n} bytes
     * @throws EOFException when the stream ends first
     */
    byte[] bytes(long n) throws IOException {
        byte[] out = in.readNBytes(Math.toIntExact(n));
        if (out.length != n) {
            throw new EOFException("the sandbox's report ended early");
        }
        return out;
    }

    /** @return {@code bytes} as UTF-8 text, invalid sequences replaced */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
