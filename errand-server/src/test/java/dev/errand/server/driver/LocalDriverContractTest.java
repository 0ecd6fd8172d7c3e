package dev.errand.server.driver;

import dev.errand.server.TestServer;
import java.nio.file.Path;

/** The driver contract on the {@code local} driver (bubblewrap), with the built-in {@code host} image. */
class LocalDriverContractTest extends DriverContractTest {
    @Override
    TestServer startServer(Path dir) throws Exception {
        return TestServer.start(dir.resolve("data"));
    }

    @Override
    String image(TestServer server, Path dir) {
        return "host";
    }
}
