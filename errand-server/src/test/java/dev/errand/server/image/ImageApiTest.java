package dev.errand.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.identity.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image registry end to end: register, defaults applied to runs, roles, the default rules, rootfs images. */
class ImageApiTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String developer;
    static Path rootfs;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir.resolve("data"));
        developer = server.keyFor(Role.DEVELOPER, "dev@example.com");
        rootfs = busyboxRootfs(dir.resolve("tiny"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A root filesystem of one static busybox, its shell and a few applets. */
    static Path busyboxRootfs(Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String applet : new String[] {"sh", "cat", "id", "pwd", "ls"}) {
            Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
        }
        Files.writeString(root.resolve("etc/os-release"), "NAME=tiny-busybox\n");
        for (Path p = root; p != null && !p.equals(Path.of("/")); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root;
    }

    static JsonNode run(String body, String key) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body, key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return server.awaitTerminal(TestServer.JSON.readTree(r.body()).get("id").asText());
    }

    @Test
    void theBuiltInHostImageIsListedAsTheDefault() throws Exception {
        JsonNode list = TestServer.JSON.readTree(server.send("GET", "/api/v1/images", null, developer).body());
        assertThat(list.get("items").toString()).contains("\"name\":\"host\"").contains("\"is_default\":true");
        HttpResponse<String> remove = server.send("DELETE", "/api/v1/images/host", null);
        assertThat(remove.statusCode()).isEqualTo(409);
    }

    @Test
    void aRootfsImageRunsItsOwnFilesWithItsEnvWorkdirAndUser() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images", "{\"name\":\"tiny\",\"rootfs\":\"" + rootfs
                + "\",\"env\":{\"PATH\":\"/bin\",\"GREETING\":\"hello\"},\"workdir\":\"/tmp\",\"user\":\"root\",\"timeout_seconds\":30}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode done = run("{\"image\":\"tiny\",\"command\":\"cat /etc/os-release; echo $GREETING; pwd; id -u; ls /usr 2>&1\"}", developer);
        String log = server.logText(done.get("id").asText());
        assertThat(done.get("status").asText()).as(log).isEqualTo("FAILED");
        assertThat(log).contains("NAME=tiny-busybox").contains("hello").contains("/tmp\n0\n").contains("No such file");
        assertThat(done.get("timeout_seconds").asInt()).isEqualTo(30);
    }

    @Test
    void anImageRestrictedToOperatorsIsRefusedToDevelopers() throws Exception {
        server.send("POST", "/api/v1/images", "{\"name\":\"ops-only\",\"roles\":[\"operator\"]}");
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"image\":\"ops-only\",\"command\":\"true\"}", developer);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("ops-only");
        assertThat(server.send("POST", "/api/v1/images", "{\"name\":\"mine\"}", developer).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownImageIsA400NamingItAndTheKnownOnes() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"image\":\"nope\",\"command\":\"true\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown image 'nope'").contains("host");
        assertThat(server.send("POST", "/api/v1/images", "{\"name\":\"bad\",\"rootfs\":\"/nonexistent\"}").body())
                .contains("has no bin/sh");
    }

    @Test
    void theDefaultMovesWithSetDefaultAndTheDefaultCannotBeRemoved() throws Exception {
        server.send("POST", "/api/v1/images", "{\"name\":\"second\",\"memory_mb\":256,\"network\":false}");
        assertThat(server.send("POST", "/api/v1/images/second/default", null).statusCode()).isEqualTo(200);
        try {
            JsonNode done = run("{\"command\":\"echo in-default\"}", developer);
            assertThat(done.get("image").asText()).isEqualTo("second");
            assertThat(done.get("network").asBoolean()).isFalse();
            assertThat(done.get("limits").get("memory_mb").asInt()).isEqualTo(256);
            assertThat(server.send("DELETE", "/api/v1/images/second", null).statusCode()).isEqualTo(409);
        } finally {
            server.send("POST", "/api/v1/images/host/default", null);
        }
        assertThat(server.send("DELETE", "/api/v1/images/second", null).statusCode()).isEqualTo(204);
    }
}
