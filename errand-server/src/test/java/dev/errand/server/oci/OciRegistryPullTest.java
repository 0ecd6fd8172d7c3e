package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.TestServer;
import dev.errand.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulling {@code docker://} images from real registries on loopback (Debian's
 * {@code docker-registry}, plain HTTP, declared insecure to the server): register, run, digests,
 * credentials, and every failure ending in a clear error with nothing half-unpacked in the cache.
 */
class OciRegistryPullTest {
    /** The password of user {@code ci} on the private registry; {@link #HTPASSWD} is its bcrypt hash (cost 4). */
    static final String PASSWORD = "s3cret-pw";
    static final String HTPASSWD = "ci:$2b$04$6xa1vP0izOfc32KbIQVkMe.jH9vXOVb/9IPCTvgpZ36/1AxGzlzk.";
    @TempDir
    static Path dir;
    static Path archive;
    static TestRegistry open;
    static TestRegistry secured;
    static TestRegistry gone;
    static TestRegistry corrupt;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        TestImages.assumeTools();
        TestRegistry.assumeInstalled();
        archive = TestImages.ociArchive(dir);
        open = TestRegistry.start(Files.createDirectories(dir.resolve("open")), null);
        open.push(archive, "tools/busybox:1", null);
        secured = TestRegistry.start(Files.createDirectories(dir.resolve("secured")), HTPASSWD);
        Path authFile = dir.resolve("auth.json");
        Files.createFile(authFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(authFile, "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\""
                + Base64.getEncoder().encodeToString(("ci:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        secured.push(archive, "team/busybox:1", authFile);
        gone = TestRegistry.start(Files.createDirectories(dir.resolve("gone")), null);
        gone.push(archive, "tools/busybox:1", null);
        corrupt = TestRegistry.start(Files.createDirectories(dir.resolve("corrupt")), null);
        corrupt.push(archive, "tools/busybox:1", null);
        // localhost:PORT reaches the secured registry too, but the auth file has no credentials for that name
        RegistryConfig registries = new RegistryConfig(List.of(open.host(), secured.host(), "localhost:" + secured.port(),
                gone.host(), corrupt.host()), authFile);
        server = TestServer.start(ServerConfig.forDataDir(dir.resolve("data")).withRegistries(registries));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server, open, secured, gone, corrupt}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aTaggedImageIsPulledRegisteredAndRunsWithItsConfig() throws Exception {
        String source = "docker://" + open.host() + "/tools/busybox:1";
        HttpResponse<String> r = server.send("POST", "/api/v1/images", "{\"name\":\"pulled\",\"driver\":\"oci\",\"source\":\""
                + source + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode image = TestServer.JSON.readTree(r.body());
        assertThat(image.get("driver").asText()).isEqualTo("oci");
        assertThat(image.get("source").asText()).isEqualTo(source);
        assertThat(image.get("env").get("IMAGE_VAR").asText()).isEqualTo("from-image");
        assertThat(Path.of(image.get("rootfs").asText()).resolve("bin/busybox")).exists();

        ExecutionView e = run("pulled", "echo \"pulled $IMAGE_VAR in $(pwd)\"; echo oops >&2; exit 3");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(lines(e, LogStream.STDOUT)).containsExactly("pulled from-image in /workspace");
        assertThat(lines(e, LogStream.STDERR)).containsExactly("oops");
        ExecutionView byDefault = run("pulled", null);
        assertThat(byDefault.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(byDefault.exitCode()).isZero();
        assertThat(lines(byDefault, LogStream.STDOUT)).containsExactly("default-cmd");
    }

    @Test
    void aDigestReferencePullsThatManifestAndAPinnedDigestMustMatch() throws Exception {
        String digest = open.digest("tools/busybox:1");
        assertThat(digest).startsWith("sha256:");
        JsonNode byDigest = imported("{\"name\":\"by-digest\",\"source\":\"docker://" + open.host() + "/tools/busybox@"
                + digest + "\"}");
        assertThat(byDigest.get("digest").asText()).isEqualTo(digest);
        ExecutionView e = run("by-digest", "echo by digest");
        assertThat(lines(e, LogStream.STDOUT)).containsExactly("by digest");
        JsonNode pinned = imported("{\"name\":\"pinned\",\"source\":\"docker://" + open.host() + "/tools/busybox:1\","
                + "\"digest\":\"" + digest + "\"}");
        assertThat(pinned.get("digest").asText()).isEqualTo(digest);

        String other = "sha256:" + "0".repeat(64);
        assertNothingLeftBy(() -> assertThat(error("{\"name\":\"x\",\"source\":\"docker://" + open.host()
                + "/tools/busybox:1\",\"digest\":\"" + other + "\"}"))
                .contains("digest mismatch").contains(digest).contains(other));
        assertNothingLeftBy(() -> assertThat(error("{\"name\":\"x\",\"source\":\"docker://" + open.host()
                + "/tools/busybox@" + other + "\"}"))
                .contains("manifest unknown").contains("the registry has no image with that tag or digest"));
    }

    @Test
    void aTagOrRepositoryThatDoesNotExistIsAClearError() throws Exception {
        assertNothingLeftBy(() -> assertThat(register("docker://" + open.host() + "/tools/busybox:2"))
                .contains("cannot import docker://" + open.host() + "/tools/busybox:2")
                .contains("the registry has no image with that tag or digest"));
        assertNothingLeftBy(() -> assertThat(register("docker://" + open.host() + "/tools/nothing:1"))
                .contains("cannot import docker://" + open.host() + "/tools/nothing:1")
                .contains("the registry has no image with that tag or digest"));
    }

    @Test
    void aRegistryThatIsDownIsAClearError() throws Exception {
        gone.close();
        String source = "docker://" + gone.host() + "/tools/busybox:1";
        assertNothingLeftBy(() -> assertThat(register(source)).contains("cannot import " + source)
                .contains("connection refused"));
    }

    @Test
    void aPlainHttpRegistryThatIsNotDeclaredInsecureIsRefusedWithTheOptionToUse() throws Exception {
        String registry = "localhost:" + open.port();
        assertNothingLeftBy(() -> assertThat(register("docker://" + registry + "/tools/busybox:1"))
                .contains("server gave HTTP response to HTTPS client")
                .contains("--insecure-registry " + registry));
    }

    @Test
    void aPrivateRegistryIsPulledWithTheServersAuthFileAndRefusedWithout() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images", "{\"name\":\"private\",\"driver\":\"oci\","
                + "\"source\":\"docker://" + secured.host() + "/team/busybox:1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(lines(run("private", "echo private"), LogStream.STDOUT)).containsExactly("private");
        assertNothingLeftBy(() -> assertThat(register("docker://localhost:" + secured.port() + "/team/busybox:1"))
                .contains("authentication required")
                .contains("credentials for localhost:" + secured.port())
                .doesNotContain(PASSWORD));
    }

    @Test
    void aLayerTheRegistryServesCorruptIsRejected() throws Exception {
        Path layer = corrupt.largestBlob();
        byte[] b = Files.readAllBytes(layer);
        b[b.length / 2] ^= 0x55; // same size, other content: only the digest check can tell
        Files.write(layer, b);
        // the image's root may be in the cache already (same manifest): every blob is still checked
        assertNothingLeftBy(() -> assertThat(register("docker://" + corrupt.host() + "/tools/busybox:1"))
                .contains("Digest did not match"));
    }

    static ExecutionView run(String image, String command) throws Exception {
        String json = "{\"image\":\"" + image + "\"" + (command == null ? "" : ",\"command\":"
                + TestServer.JSON.writeValueAsString(command)) + "}";
        return server.awaitView(server.submit(json).id());
    }

    static List<String> lines(ExecutionView e, LogStream stream) throws Exception {
        return server.logs(e.id()).stream().filter(l -> l.stream() == stream).map(LogLine::text).toList();
    }

    static JsonNode imported(String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images/import", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.JSON.readTree(r.body());
    }

    /** @return the message of a rejected import */
    static String error(String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images/import", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode e = TestServer.JSON.readTree(r.body()).get("error");
        assertThat(e.get("code").asText()).isEqualTo("invalid_request");
        return e.get("message").asText();
    }

    /** @return the message of a rejected {@code images register --driver oci} of image "x" */
    static String register(String source) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images", "{\"name\":\"x\",\"driver\":\"oci\",\"source\":\""
                + source + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode e = TestServer.JSON.readTree(r.body()).get("error");
        assertThat(e.get("code").asText()).isEqualTo("invalid_request");
        return e.get("message").asText();
    }

    interface Attempt {
        void run() throws Exception;
    }

    /** Runs a failing import and checks it left no import in progress, no new unpacked root and no image "x". */
    static void assertNothingLeftBy(Attempt attempt) throws Exception {
        Set<String> before = entries(cache().resolve("rootfs"));
        attempt.run();
        assertThat(entries(cache().resolve("tmp"))).isEmpty();
        assertThat(entries(cache().resolve("rootfs"))).isEqualTo(before);
        assertThat(cache().resolve("images/x.json")).doesNotExist();
        assertThat(server.send("GET", "/api/v1/images/x", null).statusCode()).isEqualTo(404);
    }

    static Path cache() {
        return dir.resolve("data/oci-images");
    }

    static Set<String> entries(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
