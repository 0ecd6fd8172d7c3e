package dev.errand.server.execution;

import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.driver.Drivers;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.Principal;
import dev.errand.server.image.Image;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.lock.LockName;
import dev.errand.server.logs.LogService;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The execution feature's entry point: create, read, list and kill, each authorized for the
 * caller by the {@link AccessPolicy} (someone else's execution answers {@code not_found} where
 * the role's scope is own). Owns the runner, scheduler and reconciler it starts and stops.
 * Thread-safe.
 */
public final class ExecutionService implements AutoCloseable {
    private final Database db;
    private final ExecutionStore store;
    private final LogService logs;
    private final ImageCatalog images;
    private final ExecutionConfig config;
    private final Runbooks runbooks;
    private final Clock clock;
    private final AccessPolicy policy;
    private final ExecutionRunner runner;
    private final Scheduler scheduler;
    private final Reconciler reconciler;

    /**
     * @param db the store
     * @param store executions SQL
     * @param logs the log feature
     * @param drivers the enabled drivers
     * @param images the image catalogue
     * @param config limits and capacity
     * @param runbooks secrets, locks, cost rates and the output cap
     * @param clock the time source
     * @param policy who may see and change which executions
     */
    public ExecutionService(Database db, ExecutionStore store, LogService logs, Drivers drivers, ImageCatalog images,
            ExecutionConfig config, Runbooks runbooks, Clock clock, AccessPolicy policy) {
        this.db = db;
        this.store = store;
        this.logs = logs;
        this.images = images;
        this.config = config;
        this.runbooks = runbooks;
        this.clock = clock;
        this.policy = policy;
        this.runner = new ExecutionRunner(db, store, logs, drivers, images, config, runbooks, clock);
        this.scheduler = new Scheduler(db, store, runbooks.locks(), runner, config.maxConcurrent(), clock);
        this.reconciler = new Reconciler(db, store, logs, drivers, clock, runner::logPolicy);
    }

    /**
     * Settles executions left by a previous server process (re-attaching those whose driver
     * still has them), then starts dispatching.
     *
     * @return how many executions were marked {@code LOST}
     */
    public int start() {
        Reconciler.Result settled = reconciler.reconcile();
        scheduler.start();
        settled.resumed().forEach(scheduler::resume);
        return settled.lost();
    }

    /**
     * Validates and queues an execution.
     *
     * @param caller who asks
     * @param request the request body
     * @param requestId the request's id, stored for tracing
     * @return the queued execution
     * @throws ErrandException {@code invalid_request} for bad input (naming an unknown image or secret),
     *     {@code forbidden} for viewers and for a secret the caller may not use, {@code conflict} when
     *     the lock is busy and {@code lock_mode} is {@code fail}
     */
    public Execution create(Principal caller, CreateExecutionRequest request, String requestId) {
        policy.permit(caller, Action.EXECUTION_CREATE);
        Image image = images.resolve(caller, request.image());
        // An OCI image may run its own entrypoint and cmd, as 'docker run IMAGE' does.
        boolean blankAllowed = image.driver().equals("oci") && (request.command() == null || request.command().isEmpty());
        String command = blankAllowed ? "" : RequestValidation.command(request.command());
        Map<String, String> env = RequestValidation.env(request.env());
        int timeout = RequestValidation.timeout(request.timeoutSeconds() != null ? request.timeoutSeconds()
                : image.view().timeoutSeconds(), config);
        ExecutionLimits limits = LimitsMerge.of(request.limits(), image.view());
        boolean network = request.network() == null ? image.network() : request.network();
        List<String> secrets = runbooks.secrets().checkUse(caller, request.secrets());
        RequestValidation.noClash(env, runbooks.secrets().envNames(secrets));
        String lock = LockName.parseOrNull(request.lock());
        boolean failFast = RequestValidation.failFast(request.lockMode(), lock);
        Execution e = new Execution(Ids.next("ex_"), caller.userId(), caller.email(), command, image.name(),
                image.driver(), env, network, timeout, ExecutionStatus.QUEUED, null, null, requestId,
                Instant.ofEpochMilli(clock.millis()), null, null, secrets, lock, GitSources.check(request.git()), limits, null);
        if (e.git() != null && e.git().repo().startsWith("file:") && !runbooks.allowFileGitUrls()) {
            throw ErrandException.invalid("file:// git sources are turned off on this server: use an https:// URL");
        }
        if (e.git() != null && e.git().tokenSecret() != null) {
            runbooks.secrets().checkUse(caller, List.of(e.git().tokenSecret()));
        }
        db.write(h -> {
            if (failFast && runbooks.locks().busy(h, lock)) {
                throw ErrandException.conflict("lock '" + lock + "' is held by another execution (lock_mode fail):"
                        + " try again later, or queue for it with lock_mode queue");
            }
            store.insert(h, e);
            return null;
        });
        scheduler.wake();
        return e;
    }

    /**
     * @return the execution if the caller may see it
     * @throws ErrandException {@code not_found} when it does not exist or belongs to someone the caller cannot see
     */
    public Execution get(Principal caller, String id) {
        return visible(caller, Action.EXECUTION_READ, id);
    }

    private Execution visible(Principal caller, Action action, String id) {
        String missing = "no execution '" + id + "'";
        policy.permit(caller, action);
        if (!Ids.valid("ex_", id)) {
            throw ErrandException.notFound(missing);
        }
        Execution e = db.read(h -> store.find(h, id)).orElseThrow(() -> ErrandException.notFound(missing));
        policy.requireAccess(caller, action, e.userId(), missing);
        return e;
    }

    /**
     * Lists visible executions newest first.
     *
     * @param statuses filter, empty for all
     * @param limit 1..1000
     * @param cursor the last id of the previous page, or null
     * @return the page's executions (one more than {@code limit} means there is a next page)
     */
    public List<Execution> list(Principal caller, Collection<ExecutionStatus> statuses, int limit, String cursor) {
        if (cursor != null && !Ids.valid("ex_", cursor)) {
            throw ErrandException.invalid("cursor '" + cursor + "' is not valid: pass the next_cursor of a previous page");
        }
        String owner = policy.ownerFilter(caller, Action.EXECUTION_LIST);
        return db.read(h -> store.list(h, statuses, owner, cursor, limit));
    }

    /**
     * Kills an execution: a queued one becomes {@code STOPPED} at once, a starting or running one
     * gets SIGTERM then SIGKILL after the grace period.
     *
     * @return true when a kill was started, false when it was already terminal
     * @throws ErrandException {@code forbidden} for viewers, {@code not_found} as for {@link #get}
     */
    public boolean kill(Principal caller, String id) {
        Execution e = visible(caller, Action.EXECUTION_KILL, id);
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<Execution> now = attempt == 0 ? Optional.of(e) : db.read(h -> store.find(h, id));
            ExecutionStatus status = now.orElseThrow().status();
            if (status.terminal()) {
                return false;
            }
            if (status == ExecutionStatus.QUEUED && stopQueued(id, caller)) {
                return true;
            }
            if (status != ExecutionStatus.QUEUED && runner.end(id, EndCause.KILLED, caller.email())) {
                return true;
            }
            sleep();
        }
        throw new ErrandException(ErrorCode.UNAVAILABLE, "could not reach execution " + id + " to kill it; try again");
    }

    private boolean stopQueued(String id, Principal caller) {
        String reason = "killed by " + caller.email() + " while queued";
        boolean moved = db.write(h -> store.transition(h, id, ExecutionStatus.QUEUED, ExecutionStatus.STOPPED,
                null, clock.millis(), null, reason));
        if (moved) {
            logs.bus().publishEnd(id, new StreamEvent.Status(ExecutionStatus.STOPPED, null, reason));
        }
        return moved;
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ErrandException(ErrorCode.UNAVAILABLE, "interrupted");
        }
    }

    /** @return the queue position of a queued execution (see {@link ExecutionStore#queuePosition}), else null */
    public Integer queuePosition(Execution e) {
        return e.status() == ExecutionStatus.QUEUED ? db.read(h -> store.queuePosition(h, e)) : null;
    }

    /** @return the final status event of a terminal execution, empty while it runs */
    public Optional<StreamEvent.Status> terminalStatus(String id) {
        return db.read(h -> store.find(h, id)).filter(e -> e.status().terminal())
                .map(e -> new StreamEvent.Status(e.status(), e.exitCode(), e.reason()));
    }

    /** Stops dispatching and ends running executions as {@code STOPPED}. */
    @Override
    public void close() {
        scheduler.close();
        runner.close();
    }
}
