package dev.errand.server.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.TestServer;
import dev.errand.server.oci.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The driver contract on the {@code oci} driver (runc), with a busybox image built by the test. */
class OciDriverContractTest extends DriverContractTest {
    @Override
    TestServer startServer(Path dir) throws Exception {
        TestImages.assumeTools();
        return TestServer.start(dir.resolve("data"));
    }

    @Override
    String image(TestServer server, Path dir) throws Exception {
        Path tar = TestImages.ociArchive(dir);
        HttpResponse<String> r = server.send("POST", "/api/v1/images/import",
                "{\"name\":\"busybox\",\"source\":\"oci-archive:" + tar + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return "busybox";
    }
}
