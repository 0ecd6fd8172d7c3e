package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSourceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "docker://alpine:3.20|docker|alpine:3.20|docker://alpine:3.20",
        "docker://hashicorp/terraform:1.9|docker|hashicorp/terraform:1.9|docker://hashicorp/terraform:1.9",
        "docker://registry.example.com:5000/team/tool@sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"
                + "|docker|registry.example.com:5000/team/tool@sha256:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"
                + "|docker://registry.example.com:5000/team/tool@sha256:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12",
        "oci-archive:/srv/images/tool.tar|oci-archive|/srv/images/tool.tar|oci-archive:/srv/images/tool.tar",
        "oci-archive:/srv/images/tool.tar:v2|oci-archive|/srv/images/tool.tar|oci-archive:/srv/images/tool.tar:v2",
        "oci:/srv/layout:latest|oci|/srv/layout|oci:/srv/layout:latest",
        "docker-archive:/srv/saved.tar|docker-archive|/srv/saved.tar|docker-archive:/srv/saved.tar",
    })
    void validSourcesParseIntoSkopeosSyntax(String text, String transport, String location, String skopeo) {
        ImageSource s = ImageSource.parse(text);
        assertThat(s.transport()).isEqualTo(transport);
        assertThat(s.location()).isEqualTo(location);
        assertThat(s.skopeoReference()).isEqualTo(skopeo);
    }

    @ParameterizedTest(name = "{0} is on {1}")
    @CsvSource(delimiter = '|', value = {
        "docker://alpine:3.20|docker.io",
        "docker://hashicorp/terraform:1.9|docker.io",
        "docker://docker.io/library/alpine|docker.io",
        "docker://ghcr.io/owner/tool:1|ghcr.io",
        "docker://registry.example.com:5000/team/tool|registry.example.com:5000",
        "docker://127.0.0.1:5000/tools/busybox:1|127.0.0.1:5000",
        "docker://localhost/tools/busybox|localhost",
    })
    void theRegistryIsNamedAsDockerNamesIt(String text, String registry) {
        assertThat(ImageSource.parse(text).registry()).isEqualTo(registry);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "alpine", "docker://", "docker://Alpine", "docker://a b", "docker://alpine:", "http://x/y",
        "oci-archive:", "oci-archive:relative.tar", "oci:/srv/layout:", "docker://-bad"})
    void invalidSourcesAreRejectedWithTheFormsThatWork(String text) {
        assertThatThrownBy(() -> ImageSource.parse(text)).isInstanceOf(ErrandException.class)
                .hasMessageFindingMatch("docker://|absolute|not a tag");
    }
}
