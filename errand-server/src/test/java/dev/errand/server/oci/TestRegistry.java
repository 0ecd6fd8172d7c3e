package dev.errand.server.oci;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.errand.sandbox.Executables;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real container registry for a test: the CNCF distribution registry (Debian's
 * {@code docker-registry}) on a free loopback port, plain HTTP, storing in its own directory,
 * optionally behind htpasswd basic auth. {@link #close()} stops it (so does the JVM's exit).
 */
final class TestRegistry implements AutoCloseable {
    private static final String BINARY = "docker-registry";
    private final Process process;
    private final Thread reaper;
    private final Path storage;
    private final int port;

    private TestRegistry(Process process, Path storage, int port) {
        this.process = process;
        this.storage = storage;
        this.port = port;
        this.reaper = new Thread(process::destroyForcibly, "test-registry-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Skips the test when {@code docker-registry} is not installed, unless CI is {@code true}:
     * then it fails, saying what to install.
     */
    static void assumeInstalled() {
        boolean installed = Executables.find(BINARY).isPresent();
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("docker-registry is not installed and CI=true: install it with 'apt-get install -y docker-registry'"
                    + " (scripts/test does)");
        }
        assumeTrue(installed, "docker-registry is not installed (apt-get install -y docker-registry); registry tests skipped");
    }

    /**
     * Starts a registry and waits until it answers.
     *
     * @param dir a fresh directory for its config, storage and log
     * @param htpasswd an htpasswd line ({@code user:bcrypt}) to require basic auth, or null for none
     */
    static TestRegistry start(Path dir, String htpasswd) throws Exception {
        assumeInstalled();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String auth = "";
        if (htpasswd != null) {
            Path file = Files.writeString(dir.resolve("htpasswd"), htpasswd + "\n");
            auth = "auth:\n  htpasswd:\n    realm: errand-test\n    path: " + file + "\n";
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            int port = freePort();
            Path config = Files.writeString(dir.resolve("config.yml"), """
                    version: 0.1
                    log:
                      level: error
                      accesslog:
                        disabled: true
                    storage:
                      filesystem:
                        rootdirectory: %s
                    http:
                      addr: 127.0.0.1:%d
                      secret: errand-test-%d
                    """.formatted(storage, port, port) + auth);
            ProcessBuilder pb = new ProcessBuilder(BINARY, "serve", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile());
            pb.environment().clear(); // REGISTRY_* variables would override the config
            pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            TestRegistry registry = new TestRegistry(pb.start(), storage, port);
            try {
                registry.awaitReady(dir.resolve("registry.log"));
                return registry;
            } catch (IOException e) {
                registry.close();
                last = e;
            }
        }
        throw last;
    }

    /** @return {@code 127.0.0.1:PORT}, the registry part of image references */
    String host() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /**
     * Pushes an {@code oci-archive} to {@code host()/repoTag} with skopeo, over plain HTTP.
     *
     * @param authFile credentials for the push, or null
     */
    void push(Path archive, String repoTag, Path authFile) throws Exception {
        List<String> command = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--dest-tls-verify=false"));
        if (authFile != null) {
            command.addAll(List.of("--dest-authfile", authFile.toString()));
        }
        command.addAll(List.of("oci-archive:" + archive, "docker://" + host() + "/" + repoTag));
        TestImages.run(command);
    }

    /** @return the manifest digest the registry serves for {@code repoTag}, as skopeo inspect reports it */
    String digest(String repoTag) throws Exception {
        return TestImages.run(List.of("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                "docker://" + host() + "/" + repoTag)).strip();
    }

    /** @return the registry's largest blob: the busybox layer of a pushed test image */
    Path largestBlob() throws IOException {
        try (var files = Files.walk(storage.resolve("docker/registry/v2/blobs"))) {
            return files.filter(p -> p.getFileName().toString().equals("data"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if ((status == 200 || status == 401) && process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IOException("docker-registry did not start on " + host() + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the registry (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
