package dev.errand.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.ErrandServer;
import dev.errand.server.TestServer;
import dev.errand.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostImageDriverTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInHostImageFollowsTheDriverTheServerStartsWith() throws Exception {
        try (TestServer first = TestServer.start(dir)) {
            assertThat(first.send("GET", "/api/v1/images/host", null).body()).contains("\"driver\":\"local\"");
        }
        try (ErrandServer second = ErrandServer.start(ServerConfig.forDataDir(dir).withDriver("process", true))) {
            String driver = second.database().read((org.jdbi.v3.core.Handle h) ->
                    new JdbiImageStore().find(h, ImageCatalog.HOST).orElseThrow().driver());
            assertThat(driver).isEqualTo("process");
        }
    }
}
