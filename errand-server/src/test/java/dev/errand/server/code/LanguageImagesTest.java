package dev.errand.server.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.sandbox.FileTree;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Language images built with mmdebstrap. The build itself downloads packages from a Debian
 * mirror and takes a minute, so it runs only with {@code -Derrand.code.images=true}.
 */
class LanguageImagesTest {
    @TempDir
    Path dir;

    @Test
    void theBuildCommandAsksMmdebstrapForTheLanguagesPackages() {
        CodeConfig config = CodeConfig.forTests(dir);
        LanguageImages images = new LanguageImages(new Roots(dir, Path.of("/"), java.util.Optional.empty()), config, l -> { });
        Language r = LanguageCatalogue.load().find("r").orElseThrow();

        List<String> command = images.command(r, dir.resolve("out"));

        assertThat(command).containsExactly("mmdebstrap", "--variant=essential", "--include=r-base-core",
                "--dpkgopt=path-exclude=/usr/share/man/*", "--dpkgopt=path-exclude=/usr/share/doc/*",
                "--dpkgopt=path-exclude=/usr/share/locale/*", "bookworm", dir.resolve("out").toString(),
                "http://deb.debian.org/debian");
        images.close();
    }

    @Test
    void installingLuaBuildsAnImageThatRunsLuaWithNothingOfTheHosts() throws Exception {
        assumeTrue(Boolean.getBoolean("errand.code.images"), "image builds run with -Derrand.code.images=true");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mmdebstrap")), "mmdebstrap is not installed");
        Path images = Files.createTempDirectory(Path.of("/var/tmp"), "errand-images");
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (CodeServer server = CodeServer.start(dir, c -> new CodeConfig(c.limits(), images, c.maxConcurrent(),
                c.poolSize(), c.prewarm(), c.poolIdle(), c.cacheBytes(), false, false, c.suite(), c.mirror()))) {
            HttpResponse<String> started = server.send("POST", "/api/v1/languages/install", "{\"languages\":[\"lua\"]}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

            JsonNode lua = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> find(server, "lua"), l -> !l.get("install").asText().matches("queued|building"));
            assertThat(lua.get("install").asText()).isEqualTo("ready");
            assertThat(lua.get("image").asText()).isEqualTo("language:lua");

            ExecuteResult r = server.execute(ExecuteRequest.of("lua",
                    "print(_VERSION, io.open('/usr/bin/python3') == nil, io.read('a'))"));
            assertThat(r.status()).as(r.toString()).isEqualTo(CodeStatus.OK);
            assertThat(r.stdout()).startsWith("Lua 5.4\ttrue");
            assertThat(r.memoryKb()).as("the stub measures in any image").isPositive();
        } finally {
            FileTree.delete(images);
        }
    }

    static JsonNode find(CodeServer server, String id) throws Exception {
        for (JsonNode l : CodeServer.JSON.readTree(server.send("GET", "/api/v1/languages", null).body()).get("languages")) {
            if (l.get("id").asText().equals(id)) {
                return l;
            }
        }
        throw new AssertionError("no language " + id);
    }
}
