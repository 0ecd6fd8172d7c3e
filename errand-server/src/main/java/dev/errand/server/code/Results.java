package dev.errand.server.code;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteResult;
import java.util.Optional;

/** Builds {@link ExecuteResult}s from a job and what its sandbox reported. Stateless. */
final class Results {
    private Results() {}

    /** @return the result of a run whose sandbox reported in full */
    static ExecuteResult of(Job job, StubReport.Parsed report, CodeLimits limits) {
        Optional<Compilation> c = report.compilation();
        String compileOutput = c.map(x -> StubReader.text(x.output())).orElse(null);
        Long compileMs = c.map(Compilation::millis).orElse(null);
        Boolean cached = c.map(Compilation::cached).orElse(null);
        boolean compileCut = c.isPresent() && c.get().outputBytes() > limits.maxOutputBytes();
        if (report.run().isEmpty()) {
            Compilation failed = c.orElseThrow();
            String message = failed.timedOut()
                    ? "compilation ran longer than " + compileTimeoutMs(job, limits) + " ms and was stopped"
                    : "compilation failed with exit code " + failed.exit();
            return new ExecuteResult(job.id(), CodeStatus.COMPILE_ERROR, job.language().id(),
                    job.version(), "", "", compileOutput, null, null, null, null, null, compileMs, cached, compileCut,
                    message, job.createdAt());
        }
        ProgramRun run = report.run().get();
        Verdicts.Verdict v = Verdicts.of(run, job, limits);
        boolean cut = compileCut || run.stdoutBytes() > limits.maxOutputBytes() || run.stderrBytes() > limits.maxOutputBytes();
        return new ExecuteResult(job.id(), v.status(), job.language().id(), job.version(),
                StubReader.text(run.stdout()), StubReader.text(run.stderr()), compileOutput, run.exit(), v.signal(),
                run.millis(), run.cpuMs(), run.maxRssKb(), compileMs, cached, cut, v.message(), job.createdAt());
    }

    /** @return the compile step's wall-clock limit for this job */
    static int compileTimeoutMs(Job job, CodeLimits limits) {
        return Math.max(limits.compileTimeoutMs(), job.language().compileTimeoutMs());
    }

    /** @return an {@code internal_error} result saying why the server could not run the job */
    static ExecuteResult failed(Job job, String message) {
        return new ExecuteResult(job.id(), CodeStatus.INTERNAL_ERROR, job.language().id(),
                job.version(), "", "", null, null, null, null, null, null, null, null, false, message, job.createdAt());
    }
}
