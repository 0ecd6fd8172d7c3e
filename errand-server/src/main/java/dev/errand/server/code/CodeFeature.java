package dev.errand.server.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.sandbox.Availability;
import dev.errand.sandbox.StandbyLauncher;
import dev.errand.server.execution.JdbiExecutionStore;
import dev.errand.server.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code execution feature, wired: catalogue, roots, warm pools, compile cache, runner,
 * recorder, service and routes, built in one place and closed in reverse. The server's
 * composition root starts one with {@link #start} and registers {@link #routes()}.
 */
public final class CodeFeature implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodeFeature.class);
    private final StandbyLauncher launcher;
    private final Pools pools;
    private final CodeRunner runner;
    private final CodeRecorder recorder;
    private final LanguageImages images;
    private final CodeRoutes routes;
    private final CodeService service;
    private final Optional<Path> hostImage;

    private CodeFeature(StandbyLauncher launcher, Pools pools, CodeRunner runner, CodeRecorder recorder,
            LanguageImages images, CodeRoutes routes, CodeService service, Optional<Path> hostImage) {
        this.hostImage = hostImage;
        this.launcher = launcher;
        this.pools = pools;
        this.runner = runner;
        this.recorder = recorder;
        this.images = images;
        this.routes = routes;
        this.service = service;
    }

    /**
     * Builds the feature, fills the pre-warmed pools and, if configured, detects installed
     * versions in the background.
     *
     * @param db the store (runs are recorded there)
     * @param config the feature's settings
     * @param json the wire mapper
     * @param clock the time source
     * @return the running feature
     * @throws ErrandException {@code unavailable} when bubblewrap cannot start sandboxes here
     */
    public static CodeFeature start(Database db, CodeConfig config, ObjectMapper json, Clock clock) {
        Path base;
        try {
            base = HostRoot.base(config.imagesDir());
        } catch (IOException e) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "code execution cannot use " + config.imagesDir() + ": " + e);
        }
        StandbyLauncher launcher = new StandbyLauncher(base);
        Availability a = launcher.availability();
        if (!a.available()) {
            launcher.close();
            throw new ErrandException(ErrorCode.UNAVAILABLE, "code execution needs bubblewrap: " + a.detail());
        }
        LanguageCatalogue catalogue = LanguageCatalogue.load();
        Optional<Path> hostImage = HostRoot.prepare(base, catalogue.all().stream().flatMap(l -> l.paths().stream()).toList());
        Roots roots = new Roots(config.imagesDir(), Path.of("/"), hostImage.map(HostRoot::image));
        LanguageVersions versions = new LanguageVersions();
        Pools pools = new Pools(launcher, config);
        CodeRunner runner = new CodeRunner(pools, roots, new CompileCache(config.cacheBytes()), config.limits());
        CodeRunStore runStore = new JdbiCodeRunStore(json);
        CodeRecorder recorder = new CodeRecorder(db, new JdbiExecutionStore(), runStore);
        LanguageImages images = new LanguageImages(roots, config, l -> {
            pools.reset(l);
            versions.detect(launcher, l, roots.resolve(l).orElseThrow(), config.limits().scratchBytes());
        });
        CodeService service = new CodeService(db, new CodeRequests(catalogue, roots, versions, config, clock), runner,
                recorder, runStore, roots, config, clock);
        CodeRoutes routes = new CodeRoutes(service, new Languages(catalogue, roots, versions, images), json);
        pools.prewarm(config.prewarm().stream().map(catalogue::find).flatMap(Optional::stream).toList(), roots);
        List<Language> installed = catalogue.all().stream().filter(l -> roots.resolve(l).isPresent()).toList();
        LOG.info("code execution: {} of {} catalogue languages installed, pools pre-warmed for {}", installed.size(),
                catalogue.all().size(), config.prewarm());
        if (config.detectVersions()) {
            Path known = config.imagesDir().resolve("versions.properties");
            versions.load(known);
            Thread.ofVirtual().name("errand-language-versions").start(() -> {
                for (Language l : installed) {
                    Root root = roots.resolve(l).orElseThrow();
                    versions.refresh(launcher, l, root, roots.fingerprint(l, root), config.limits().scratchBytes());
                }
                versions.save(known);
            });
        }
        return new CodeFeature(launcher, pools, runner, recorder, images, routes, service, hostImage);
    }

    /** @return the routes to register */
    public CodeRoutes routes() {
        return routes;
    }

    /** @return the service (benchmarks and tests call it directly) */
    public CodeService service() {
        return service;
    }

    /**
     * Stops builds and pools, kills every sandbox, stores the runs still queued for the recorder,
     * and removes the host image (the next start builds it afresh).
     */
    @Override
    public void close() {
        images.close();
        pools.close();
        runner.close();
        launcher.close();
        recorder.close();
        hostImage.ifPresent(HostRoot::remove);
    }
}
