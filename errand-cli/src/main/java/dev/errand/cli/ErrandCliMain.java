package dev.errand.cli;

/** Runs the client commands alone (the {@code errand-app} launcher adds server and agent). */
public final class ErrandCliMain {
    private ErrandCliMain() {}

    /**
     * Runs one command and exits with its status.
     *
     * @param args the command line, such as {@code status ex_...}
     */
    public static void main(String[] args) {
        System.exit(Cli.commandLine(CliEnvironment.system(), java.util.List.of(), args).execute(args));
    }
}
