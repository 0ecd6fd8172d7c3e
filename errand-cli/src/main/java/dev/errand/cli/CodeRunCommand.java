package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CodeFile;
import dev.errand.protocol.CodePaths;
import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errand code run}: runs code through {@code POST /api/v1/execute} and prints its output. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run code in a fresh sandbox and print its output.",
            "The program's stdout goes to stdout, its stderr and compiler output to stderr.",
            "Exits with the program's exit code; 1 if it did not compile or hit a memory or",
            "output limit, 124 on a timeout."},
        footer = {"", "Examples:", "  errand code run --lang python -c 'print(1)'", "  errand code run main.rs",
            "  errand code run app.py util.py --stdin-file input.txt --arg -v"})
final class CodeRunCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--lang"}, paramLabel = "LANGUAGE",
            description = "Language id or alias (default: guessed from the first file's extension).")
    String language;

    @Option(names = "--lang-version", paramLabel = "VERSION", description = "Language version prefix, such as 3.11.")
    String version;

    @Option(names = {"-c", "--code"}, paramLabel = "CODE", description = "The program's source, instead of files.")
    String code;

    @Option(names = "--stdin", paramLabel = "TEXT", description = "Text for the program's standard input.")
    String stdin;

    @Option(names = "--stdin-file", paramLabel = "PATH", description = "File for the program's standard input; - reads this command's stdin.")
    String stdinFile;

    @Option(names = "--arg", paramLabel = "ARG", description = "Argument for the program; repeatable.")
    List<String> args = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Wall-clock limit of the run (compilation excluded): 2s, 1m (default: the server's, 5 s).")
    Duration timeout;

    @Option(names = "--memory", paramLabel = "MIB", description = "Memory limit in MiB (default: the server's, 256).")
    Integer memoryMb;

    @Option(names = "--network", description = "Give the program the network, where the server allows it.")
    boolean network;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Source files; the first is the main one.")
    List<Path> files = new ArrayList<>();

    private final CliEnvironment env;

    CodeRunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if ((code == null) == files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either -c CODE or source files, not both");
        }
        Session session = new Session(env, global);
        ApiClient api = session.api(Duration.ofMinutes(5));
        String lang = language != null ? language : LanguageGuess.fromFile(api, files.getFirst())
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "cannot tell the language of "
                        + files.getFirst() + " from its extension; pass --lang (see 'errand languages list')"));
        ExecuteRequest request = new ExecuteRequest(lang, version, code, code == null ? sources() : null, input(),
                args.isEmpty() ? null : args, timeout == null ? null : Math.toIntExact(timeout.toMillis()), memoryMb,
                network ? Boolean.TRUE : null);
        JsonNode node = api.post(CodePaths.EXECUTE, request);
        ExecuteResult result = api.convert(node, ExecuteResult.class);
        if (global.json) {
            session.printJson(node);
        } else {
            print(result);
        }
        return exitCode(result, session.messages());
    }

    private List<CodeFile> sources() throws IOException {
        List<CodeFile> out = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
            out.add(utf8 ? new CodeFile(f.getFileName().toString(), text, null)
                    : new CodeFile(f.getFileName().toString(), Base64.getEncoder().encodeToString(bytes), "base64"));
        }
        return out;
    }

    private String input() throws IOException {
        if (stdin != null && stdinFile != null) {
            throw new ParameterException(spec.commandLine(), "give --stdin or --stdin-file, not both");
        }
        if (stdinFile == null) {
            return stdin;
        }
        if (stdinFile.equals("-")) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = env.in().read(buf)) >= 0) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
        return Files.readString(Path.of(stdinFile));
    }

    private void print(ExecuteResult r) {
        if (r.compileOutput() != null && !r.compileOutput().isEmpty()) {
            env.err().print(r.compileOutput());
        }
        if (r.stdout() != null) {
            env.out().print(r.stdout());
            env.out().flush();
        }
        if (r.stderr() != null) {
            env.err().print(r.stderr());
            env.err().flush();
        }
    }

    /** @return the exit status for a finished run (see the command's description) */
    static int exitCode(ExecuteResult r, Messages messages) {
        String detail = r.message() == null ? "" : ": " + r.message();
        return switch (r.status()) {
            case OK -> ExitCodes.OK;
            case RUNTIME_ERROR -> r.exitCode() == null || r.exitCode() == 0 ? ExitCodes.ERROR : r.exitCode();
            case TIMEOUT -> {
                messages.warn("timeout" + detail);
                yield ExitCodes.TIMED_OUT;
            }
            case COMPILE_ERROR, MEMORY_LIMIT, OUTPUT_LIMIT, INTERNAL_ERROR, QUEUED, RUNNING -> {
                messages.warn(r.status().wireName() + detail);
                yield ExitCodes.ERROR;
            }
        };
    }
}
