package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing OCI images through the API: every local source form, and every kind of bad input
 * ending in a clear error with nothing half-unpacked left in the cache.
 */
class OciImportTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static Path layout;
    static Path archive;

    @BeforeAll
    static void start() throws Exception {
        TestImages.assumeTools();
        server = TestServer.start(dir.resolve("data"));
        archive = TestImages.ociArchive(dir);
        layout = dir.resolve("build/layout");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> importImage(String body) throws Exception {
        return server.send("POST", "/api/v1/images/import", body);
    }

    static JsonNode imported(String body) throws Exception {
        HttpResponse<String> r = importImage(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.JSON.readTree(r.body());
    }

    static String error(String body) throws Exception {
        HttpResponse<String> r = importImage(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode e = TestServer.JSON.readTree(r.body()).get("error");
        assertThat(e.get("code").asText()).isEqualTo("invalid_request");
        return e.get("message").asText();
    }

    static Path cache() {
        return dir.resolve("data/oci-images");
    }

    static long entries(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.count();
        }
    }

    @Test
    void anOciArchiveAnOciLayoutAndADockerArchiveAllImportWithTheImageConfig() throws Exception {
        JsonNode a = imported("{\"name\":\"from-archive\",\"source\":\"oci-archive:" + archive + "\"}");
        JsonNode l = imported("{\"name\":\"from-layout\",\"source\":\"oci:" + layout + ":" + TestImages.TAG + "\"}");
        JsonNode d = imported("{\"name\":\"from-docker\",\"source\":\"docker-archive:" + TestImages.dockerArchive(dir) + "\"}");
        assertThat(a.get("digest").asText()).startsWith("sha256:").isEqualTo(l.get("digest").asText());
        assertThat(d.get("digest").asText()).startsWith("sha256:");
        for (JsonNode i : new JsonNode[] {a, l, d}) {
            assertThat(i.get("driver").asText()).isEqualTo("oci");
            assertThat(i.get("env").get("IMAGE_VAR").asText()).isEqualTo("from-image");
            assertThat(i.get("working_dir").asText()).isEqualTo("/workspace");
            assertThat(i.get("cmd")).extracting(JsonNode::asText).containsExactly("echo", "default-cmd");
        }
        assertThat(cache().resolve("rootfs").resolve(a.get("digest").asText().replace(':', '-')).resolve("bin/busybox"))
                .exists();
    }

    @Test
    void registeringWithTheOciDriverImportsIntoTheRegistryAndRemovingForgetsIt() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images", "{\"name\":\"reg-oci\",\"driver\":\"oci\","
                + "\"source\":\"oci-archive:" + archive + "\",\"memory_mb\":128,\"env\":{\"FROM_RECORD\":\"1\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode v = TestServer.JSON.readTree(r.body());
        assertThat(v.get("driver").asText()).isEqualTo("oci");
        assertThat(v.get("source").asText()).isEqualTo("oci-archive:" + archive);
        assertThat(v.get("memory_mb").asInt()).isEqualTo(128);
        assertThat(v.get("env").get("IMAGE_VAR").asText()).isEqualTo("from-image");
        assertThat(v.get("env").get("FROM_RECORD").asText()).isEqualTo("1");
        assertThat(v.get("rootfs").asText()).startsWith(cache().resolve("rootfs").toString());
        HttpResponse<String> again = server.send("POST", "/api/v1/images", "{\"name\":\"reg-oci\",\"driver\":\"oci\","
                + "\"source\":\"oci-archive:" + archive + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(server.send("DELETE", "/api/v1/images/reg-oci", null).statusCode()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/images/reg-oci", null).statusCode()).isEqualTo(404);
    }

    @Test
    void overridesReplaceTheImagesSettings() throws Exception {
        JsonNode i = imported("{\"name\":\"overridden\",\"source\":\"oci-archive:" + archive + "\",\"entrypoint\":[\"/bin/sh\","
                + "\"-c\"],\"cmd\":[\"echo overridden\"],\"env\":{\"EXTRA\":\"1\"},\"working_dir\":\"/srv\",\"user\":\"app\"}");
        assertThat(i.get("entrypoint")).extracting(JsonNode::asText).containsExactly("/bin/sh", "-c");
        assertThat(i.get("env").get("EXTRA").asText()).isEqualTo("1");
        assertThat(i.get("env").get("IMAGE_VAR").asText()).isEqualTo("from-image");
        assertThat(i.get("working_dir").asText()).isEqualTo("/srv");
        assertThat(i.get("user").asText()).isEqualTo("app");
    }

    @Test
    void anUnparsableReferenceIsRejectedBeforeAnythingRuns() throws Exception {
        assertThat(error("{\"name\":\"x\",\"source\":\"docker://Not A Reference\"}")).contains("not a valid image reference");
        assertThat(error("{\"name\":\"x\",\"source\":\"ftp://example.com/image\"}")).contains("unsupported image source");
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:relative/path.tar\"}")).contains("must be absolute");
        assertThat(error("{\"name\":\"Bad Name\",\"source\":\"oci-archive:" + archive + "\"}")).contains("image name");
        assertThat(error("{\"name\":\"host\",\"source\":\"oci-archive:" + archive + "\"}")).contains("image name");
    }

    @Test
    void anUnreachableRegistryIsAClearError() throws Exception {
        assertThat(error("{\"name\":\"x\",\"source\":\"docker://127.0.0.1:1/nothing/here:1\"}"))
                .contains("cannot import docker://127.0.0.1:1/nothing/here:1").contains("connection refused");
        assertNothingLeft();
    }

    @Test
    void aMissingOrCorruptArchiveIsAClearErrorAndLeavesNothing() throws Exception {
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + dir.resolve("none.tar") + "\"}"))
                .contains("does not exist on the server");
        Path corrupt = Files.writeString(dir.resolve("corrupt.tar"), "this is not a tar archive");
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + corrupt + "\"}")).contains("cannot import");
        Path truncated = dir.resolve("truncated.tar");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + truncated + "\"}")).contains("cannot import");
        assertNothingLeft();
    }

    @Test
    void aLayerWhoseContentDoesNotMatchItsDigestIsRejected() throws Exception {
        Path bad = TestImages.layout(dir.resolve("bad"));
        try (Stream<Path> blobs = Files.list(bad.resolve("blobs/sha256"))) {
            Path layer = blobs.filter(p -> p.toFile().length() > 100_000).findFirst().orElseThrow();
            byte[] b = Files.readAllBytes(layer);
            b[b.length / 2] ^= 0x55;
            Files.write(layer, b);
        }
        assertThat(error("{\"name\":\"x\",\"source\":\"oci:" + bad + ":" + TestImages.TAG + "\"}"))
                .containsIgnoringCase("digest");
        assertNothingLeft();
    }

    @Test
    void aPinnedDigestThatDiffersIsRejected() throws Exception {
        String other = "sha256:" + "0".repeat(64);
        assertThat(error("{\"name\":\"pinned\",\"source\":\"oci-archive:" + archive + "\",\"digest\":\"" + other + "\"}"))
                .contains("digest mismatch").contains(other);
        assertThat(error("{\"name\":\"pinned\",\"source\":\"oci-archive:" + archive + "\",\"digest\":\"md5:1\"}"))
                .contains("not valid");
        String real = imported("{\"name\":\"probe\",\"source\":\"oci-archive:" + archive + "\"}").get("digest").asText();
        assertThat(imported("{\"name\":\"pinned\",\"source\":\"oci-archive:" + archive + "\",\"digest\":\"" + real + "\"}")
                .get("digest").asText()).isEqualTo(real);
    }

    @Test
    void anEntrypointOrUserTheImageDoesNotHaveIsRejected() throws Exception {
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + archive + "\",\"entrypoint\":[\"/usr/bin/terraform\"]}"))
                .contains("entrypoint '/usr/bin/terraform' does not exist");
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + archive + "\",\"entrypoint\":[],\"cmd\":[\"nosuchtool\"]}"))
                .contains("entrypoint 'nosuchtool' does not exist");
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + archive + "\",\"user\":\"nobody-here\"}"))
                .contains("user 'nobody-here'");
        assertThat(error("{\"name\":\"x\",\"source\":\"oci-archive:" + archive + "\",\"user\":\"70000\"}"))
                .contains("outside");
        assertNothingLeft();
    }

    @Test
    void healthListsTheOciDriverAsReady() throws Exception {
        JsonNode health = TestServer.JSON.readTree(server.send("GET", "/api/v1/health", null).body());
        assertThat(health.get("drivers").findValuesAsText("name")).containsExactly("local", "oci");
        assertThat(health.get("drivers").get(1).get("ready").asBoolean()).isTrue();
        assertThat(health.get("drivers").get(1).get("detail").asText()).contains("runc").contains("overlayfs");
    }

    /** No import in progress, and no image named "x" from any failed attempt. */
    static void assertNothingLeft() throws Exception {
        assertThat(entries(cache().resolve("tmp"))).isZero();
        assertThat(cache().resolve("images/x.json")).doesNotExist();
    }
}
