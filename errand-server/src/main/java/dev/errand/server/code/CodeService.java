package dev.errand.server.code;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.Principal;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The code execution feature's entry point: run now ({@link #execute}), run later
 * ({@link #submit}), run many ({@link #batch}), and read a run ({@link #result}). At most
 * {@link CodeConfig#maxConcurrent()} runs execute at once; the rest wait their turn (queued, not
 * refused). Every finished run is handed to the recorder. Thread-safe.
 */
public final class CodeService {
    /** The most submissions a batch may hold. */
    public static final int MAX_BATCH = 20;
    private final Database db;
    private final CodeRequests requests;
    private final CodeRunner runner;
    private final CodeRecorder recorder;
    private final CodeRunStore store;
    private final Roots roots;
    private final Clock clock;
    private final Semaphore slots;
    private final RecentRuns recent = new RecentRuns();

    CodeService(Database db, CodeRequests requests, CodeRunner runner, CodeRecorder recorder, CodeRunStore store,
            Roots roots, CodeConfig config, Clock clock) {
        this.db = db;
        this.requests = requests;
        this.runner = runner;
        this.recorder = recorder;
        this.store = store;
        this.roots = roots;
        this.clock = clock;
        this.slots = new Semaphore(config.maxConcurrent(), true);
    }

    /**
     * Runs code and waits for the result.
     *
     * @return the finished result
     * @throws ErrandException {@code forbidden} for viewers, {@code invalid_request} for bad input (no sandbox started)
     */
    public ExecuteResult execute(Principal caller, ExecuteRequest request, String requestId) {
        return run(validate(caller, request, requestId));
    }

    /**
     * Accepts code to run in the background.
     *
     * @return the queued run (poll {@link #result})
     * @throws ErrandException as {@link #execute}
     */
    public ExecuteResult submit(Principal caller, ExecuteRequest request, String requestId) {
        Job job = validate(caller, request, requestId);
        Thread.ofVirtual().name("errand-code-" + job.id()).start(() -> run(job));
        return queued(job);
    }

    /**
     * Runs up to {@value #MAX_BATCH} submissions concurrently. All are validated first: one bad
     * submission refuses the batch (the message names its index) and nothing runs.
     *
     * @param wait true to return finished results, false to return queued ones at once
     * @return one result per submission, in order
     */
    public List<ExecuteResult> batch(Principal caller, List<ExecuteRequest> submissions, String requestId, boolean wait) {
        if (submissions == null || submissions.isEmpty() || submissions.size() > MAX_BATCH) {
            throw ErrandException.invalid("submissions must hold 1 to " + MAX_BATCH + " runs, got "
                    + (submissions == null ? 0 : submissions.size()));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                jobs.add(validate(caller, submissions.get(i), requestId));
            } catch (ErrandException e) {
                throw new ErrandException(e.code(), "submissions[" + i + "]: " + e.getMessage());
            }
        }
        List<ExecuteResult> queued = jobs.stream().map(this::queued).toList();
        List<CompletableFuture<ExecuteResult>> futures = jobs.stream()
                .map(job -> CompletableFuture.supplyAsync(() -> run(job), r -> Thread.ofVirtual().start(r)))
                .toList();
        return wait ? futures.stream().map(CompletableFuture::join).toList() : queued;
    }

    /**
     * @return the run's current result: queued, running or final
     * @throws ErrandException {@code not_found} when there is no such run or the caller may not see it
     */
    public ExecuteResult result(Principal caller, String id) {
        if (!Ids.valid("ex_", id)) {
            throw ErrandException.notFound("no code run '" + id + "'");
        }
        return recent.get(id).map(e -> new CodeRunStore.Stored(e.userId(), e.result()))
                .or(() -> db.read(h -> store.find(h, id)))
                .filter(s -> caller.seesAll() || s.userId().equals(caller.userId()))
                .map(CodeRunStore.Stored::result)
                .orElseThrow(() -> ErrandException.notFound("no code run '" + id + "'"));
    }

    private Job validate(Principal caller, ExecuteRequest request, String requestId) {
        if (!caller.mayChange()) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName() + " cannot run code");
        }
        if (request == null) {
            throw ErrandException.invalid("the body must be an execute request");
        }
        return requests.validate(caller, request, requestId);
    }

    private ExecuteResult queued(Job job) {
        ExecuteResult r = ExecuteResult.pending(job.id(), CodeStatus.QUEUED, job.language().id(), job.version(),
                job.createdAt());
        recent.put(job.caller().userId(), r);
        return r;
    }

    private ExecuteResult run(Job job) {
        slots.acquireUninterruptibly();
        ExecuteResult result;
        try {
            recent.put(job.caller().userId(), ExecuteResult.pending(job.id(), CodeStatus.RUNNING, job.language().id(),
                    job.version(), job.createdAt()));
            result = runner.run(job);
        } finally {
            slots.release();
        }
        recent.put(job.caller().userId(), result);
        recorder.record(new CodeRecorder.Finished(job, roots.resolve(job.language()).orElse(null), result,
                clock.instant()));
        return result;
    }
}
