package dev.errand.cli;

import java.io.PrintWriter;

/** Prints {@code   Key: value} lines on stdout, the key in grey; null values print as {@code -}. */
final class Fields {
    private Fields() {}

    static void print(PrintWriter out, Ansi ansi, String key, String value) {
        out.println("  " + ansi.grey(key + ":") + " " + (value == null ? "-" : value));
    }
}
