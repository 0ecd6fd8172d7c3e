package dev.errand.server.code;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@link WarmPool} per language, created on first use (or at start for the pre-warmed ones)
 * and emptied after {@link CodeConfig#poolIdle()} without a run. Runs that ask for the network get
 * a sandbox started on the spot, never a pooled one. Thread-safe.
 */
final class Pools implements AutoCloseable {
    private final StandbyLauncher launcher;
    private final CodeConfig config;
    private final Map<String, WarmPool> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService trimmer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("errand-pool-trimmer").daemon().unstarted(r));

    Pools(StandbyLauncher launcher, CodeConfig config) {
        this.launcher = launcher;
        this.config = config;
        trimmer.scheduleWithFixedDelay(this::trim, 30, 30, TimeUnit.SECONDS);
    }

    /**
     * @return a fresh sandbox for one run of {@code l} on {@code root}
     * @throws IOException when no sandbox can be started
     */
    StandbySandbox take(Language l, Root root, boolean network) throws IOException {
        if (network || config.poolSize() == 0) {
            return launcher.start(Specs.of(l, root, network, config.limits().scratchBytes(),
                    config.limits().defaultMemoryMb()));
        }
        WarmPool pool = pool(l, root);
        if (pool.target() == 0) {
            pool.resize(config.poolSize());
        }
        return pool.take();
    }

    /** Fills the pools of these languages now. */
    void prewarm(Collection<Language> languages, Roots roots) {
        for (Language l : languages) {
            roots.resolve(l).ifPresent(root -> pool(l, root));
        }
    }

    /** Drops the pool of {@code l}, whose root changed (an image was built). */
    void reset(Language l) {
        WarmPool old = pools.remove(l.id());
        if (old != null) {
            old.close();
        }
    }

    /** @return how many sandboxes wait, per language with a pool */
    Map<String, Integer> waiting() {
        Map<String, Integer> out = new TreeMap<>();
        pools.forEach((id, p) -> out.put(id, p.waiting()));
        return out;
    }

    private WarmPool pool(Language l, Root root) {
        return pools.computeIfAbsent(l.id(), id -> {
            WarmPool p = new WarmPool(id, () -> launcher.start(Specs.of(l, root, false, config.limits().scratchBytes(),
                    config.limits().defaultMemoryMb())),
                    config.poolSize());
            p.resize(config.poolSize());
            return p;
        });
    }

    private void trim() {
        pools.forEach((id, pool) -> {
            if (!config.prewarm().contains(id) && pool.target() > 0 && pool.idleFor().compareTo(config.poolIdle()) > 0) {
                pool.resize(0);
            }
        });
    }

    /** Stops every pool and kills the waiting sandboxes. */
    @Override
    public void close() {
        trimmer.shutdownNow();
        pools.values().forEach(WarmPool::close);
        pools.clear();
    }
}
