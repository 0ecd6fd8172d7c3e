package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.Limits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runc containers from a busybox root filesystem. */
class RuncLauncherTest {
    @TempDir
    static Path dir;
    static RuncLauncher launcher;
    static Path image;
    private static int n;

    @BeforeAll
    static void setUp() throws Exception {
        launcher = Containers.launcher(dir);
        image = Containers.busyboxImage(dir);
    }

    @AfterAll
    static void tearDown() {
        if (launcher != null) {
            launcher.close();
        }
    }

    static synchronized String id() {
        return "test-" + (++n);
    }

    Containers.Run run(String script, Limits limits) throws Exception {
        String id = id();
        return Containers.finish(launcher.start(Containers.sh(id, image, dir.resolve("work-" + id), script, limits)));
    }

    @Test
    void availabilityNamesRuncTheCgroupLayoutAndTheRootFilesystemStrategy() {
        assertThat(launcher.availability().detail()).startsWith("runc ").contains("cgroup v").contains("overlayfs");
    }

    @Test
    void aContainerRunsItsProgramWithExactlyItsEnvironmentAndReportsTheExitCode() throws Exception {
        Containers.Run r = run("echo out; echo err >&2; env | sort; hostname; pwd; exit 3", Limits.NONE);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.stdout()).containsSequence("out").contains("PATH=/bin", "errand-test", "/work");
        assertThat(r.stdout()).noneMatch(l -> l.startsWith("JAVA_HOME") || l.startsWith("USER="));
        assertThat(r.stderr()).containsExactly("err");
    }

    @Test
    void theRootIsWritableButTheSharedImageIsNeverChanged() throws Exception {
        Containers.Run r = run("echo changed > /etc/passwd && rm /bin/cat && echo new > /new && echo ok", Limits.NONE);
        assertThat(r.stdout()).as(r.stderr().toString()).containsExactly("ok");
        assertThat(Files.readString(image.resolve("etc/passwd"))).startsWith("root:x:0:0");
        assertThat(image.resolve("bin/cat")).exists();
        assertThat(image.resolve("new")).doesNotExist();
    }

    @Test
    void containerRootIsAnUnprivilegedHostUidThatOwnsTheWorkDir() throws Exception {
        String id = id();
        Path work = dir.resolve("work-" + id);
        Containers.Run r = Containers.finish(launcher.start(Containers.sh(id, image, work,
                "id -u; cat /proc/self/uid_map; touch /work/made", Limits.NONE)));
        assertThat(r.stdout().getFirst()).isEqualTo("0");
        assertThat(r.stdout().get(1).trim().split("\\s+")).containsExactly("0", "1879048192", "65536");
        assertThat(Files.getAttribute(work.resolve("made"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1879048192);
    }

    @Test
    void withoutNetworkOnlyLoopbackExists() throws Exception {
        Containers.Run r = run("cat /proc/net/dev | tail -n +3 | cut -d: -f1", Limits.NONE);
        assertThat(r.stdout()).extracting(String::trim).containsExactly("lo");
    }

    @Test
    void aMemoryHogIsKilledAtTheCgroupLimitAndReportedAsOutOfMemory() throws Exception {
        Containers.Run r = run("echo start; dd if=/dev/zero of=/dev/null bs=200M count=1; echo dd=$?",
                new Limits(64L << 20, 0, 0, 0));
        assertThat(r.stdout()).contains("start", "dd=137");
        assertThat(r.usage().outOfMemory()).isTrue();
        assertThat(r.usage().peakMemoryBytes()).isPositive().isLessThanOrEqualTo(64L << 20);
    }

    @Test
    void theProcessLimitBoundsTheWholeContainer() throws Exception {
        Containers.Run r = run("i=0; while [ $i -lt 30 ]; do sleep 5 & i=$((i+1)); done; echo started",
                new Limits(0, 10, 0, 0));
        assertThat(r.stderr()).as(r.toString()).anyMatch(l -> l.contains("fork"));
    }

    @Test
    void usageReportsCpuTime() throws Exception {
        Containers.Run r = run("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo done", Limits.NONE);
        assertThat(r.usage().cpuSeconds()).isGreaterThan(0.05);
        assertThat(r.usage().outOfMemory()).isFalse();
    }

    @Test
    void killSendsTermToEveryProcessAndKillsWhatIgnoresIt() throws Exception {
        Container c = launcher.start(Containers.sh(id(), image, dir.resolve("work-kill"),
                "trap 'echo got TERM' TERM; echo ready; sleep 60 & wait; echo after-wait; sleep 60", Limits.NONE));
        long t0 = System.nanoTime();
        Thread.sleep(300);
        c.kill(Duration.ofMillis(500));
        Containers.Run r = Containers.finish(c);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.stdout()).contains("ready", "got TERM", "after-wait");
        assertThat(r.exit()).isEqualTo(137);
    }

    @Test
    void aMissingProgramFailsWithRuncsMessage() throws Exception {
        String id = id();
        Container c = launcher.start(new ContainerSpec(id, image, List.of("/no/such/program"), Map.of(), "/", 0, 0,
                Files.createDirectories(dir.resolve("work-" + id)), "/work", true, "x", Limits.NONE, Map.of()));
        Containers.Run r = Containers.finish(c);
        assertThat(r.exit()).isNotZero();
        assertThat(String.join("\n", r.stderr())).contains("/no/such/program");
    }

    @Test
    void aContainerOutlivesItsLauncherAndAnotherLauncherAttachesToIt() throws Exception {
        String id = id();
        launcher.start(Containers.sh(id, image, dir.resolve("work-" + id), "echo one; sleep 1; echo two; exit 7",
                Limits.NONE));
        RuncLauncher second = new RuncLauncher(dir.resolve("containers"), IdMapping.DEFAULT);
        assertThat(second.list()).contains(id);
        Container again = second.attach(id).orElseThrow();
        Containers.Run r = Containers.finish(again);
        assertThat(r.exit()).isEqualTo(7);
        assertThat(r.stdout()).containsExactly("one", "two");
        assertThat(second.list()).doesNotContain(id);
        assertThat(second.attach("no-such-container")).isEmpty();
    }

    @Test
    void discardKillsAndRemovesAContainer() throws Exception {
        String id = id();
        launcher.start(Containers.sh(id, image, dir.resolve("work-" + id), "sleep 60", Limits.NONE));
        launcher.discard(id);
        assertThat(launcher.list()).doesNotContain(id);
        assertThat(launcher.attach(id)).isEmpty();
    }
}
