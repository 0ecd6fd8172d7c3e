package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints failures as one {@code error: ...} line on stderr and returns the exit code from
 * {@link ExitCodes}. Stack traces appear only with {@code --debug} or {@code ERRAND_DEBUG=1}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final CliEnvironment env;

    ErrorHandler(CliEnvironment env) {
        this.env = env;
    }

    /** Handles a bad flag or argument: the message, a suggestion if any, and where help is. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        env.out().flush();
        PrintWriter err = env.err();
        err.println(prefix() + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Handles a failure thrown by a command. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        env.out().flush();
        PrintWriter err = env.err();
        boolean debug = debug(parseResult);
        if (ex instanceof ApiException api) {
            err.println(prefix() + api.describe());
        } else if (ex instanceof ErrandException errand) {
            err.println(prefix() + errand.getMessage());
        } else {
            err.println(prefix() + "unexpected failure: " + ex
                    + (debug ? "" : " (run with --debug or ERRAND_DEBUG=1 for details)"));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(ex);
    }

    private String prefix() {
        return Ansi.decide(env.stderrIsTty(), env).red("error:") + " ";
    }

    private boolean debug(ParseResult parseResult) {
        if ("1".equals(env.variable("ERRAND_DEBUG"))) {
            return true;
        }
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
