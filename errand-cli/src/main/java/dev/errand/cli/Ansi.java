package dev.errand.cli;

/**
 * ANSI styling for one output stream, or none. Colour is on only when the stream is a terminal,
 * {@code NO_COLOR} is unset or empty (https://no-color.org), {@code TERM} is not {@code dumb},
 * and (for stdout) {@code --json} is off.
 *
 * @param enabled whether escape sequences are written
 */
record Ansi(boolean enabled) {

    /** @return styling for a stream with the given terminal flag in the given environment */
    static Ansi decide(boolean isTty, CliEnvironment env) {
        return new Ansi(isTty && env.variable("NO_COLOR") == null && !"dumb".equals(env.variable("TERM")));
    }

    /** @return the text in bold */
    String bold(String text) {
        return wrap("1", text);
    }

    /** @return the text dimmed (faint) */
    String dim(String text) {
        return wrap("2", text);
    }

    /** @return the text in red */
    String red(String text) {
        return wrap("31", text);
    }

    /** @return the text in green */
    String green(String text) {
        return wrap("32", text);
    }

    /** @return the text in yellow */
    String yellow(String text) {
        return wrap("33", text);
    }

    /** @return the text in cyan */
    String cyan(String text) {
        return wrap("36", text);
    }

    /** @return the text in grey */
    String grey(String text) {
        return wrap("90", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
