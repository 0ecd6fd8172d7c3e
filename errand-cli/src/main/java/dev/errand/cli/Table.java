package dev.errand.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for stdout: columns padded to their widest cell, two spaces apart, the
 * header in bold when colour is on. Widths count code points, so {@code …} is one column.
 */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; null cells print as {@code -}. */
    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null ? "-" : cell);
        }
        rows.add(row);
        return this;
    }

    /** Prints the header and rows; trailing spaces are trimmed from every line. */
    void print(PrintWriter out, Ansi ansi) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        out.println(ansi.bold(line(headers, widths)));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    /** @return the text cut to {@code max} code points, ending in {@code …} when cut; newlines become spaces */
    static String cut(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (width(flat) <= max) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        return out.toString().stripTrailing();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
