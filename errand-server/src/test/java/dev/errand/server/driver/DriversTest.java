package dev.errand.server.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.HealthView;
import dev.errand.sandbox.ProcessLauncher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server starts with the drivers that work here and reports the others with the reason. */
class DriversTest {
    @TempDir
    Path dir;

    @Test
    void aDriverThatCannotWorkHereIsReportedAndNamedWhenAnExecutionNeedsIt() {
        SandboxDriver process = new SandboxDriver("process", new ProcessLauncher(), dir, true);
        Drivers drivers = new Drivers(List.of(process), List.of(new HealthView.Component("oci", false,
                "runc is not installed: run 'sudo apt-get install -y runc'")));
        assertThat(drivers.all()).containsExactly(process);
        assertThat(drivers.health()).extracting(HealthView.Component::name).containsExactly("process", "oci");
        assertThat(drivers.health().get(1).ready()).isFalse();
        assertThatThrownBy(() -> drivers.get("oci")).isInstanceOf(ErrandException.class)
                .hasMessage("driver 'oci' is not enabled on this server: runc is not installed: run 'sudo apt-get install -y runc'")
                .satisfies(e -> assertThat(((ErrandException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> drivers.get("vm")).hasMessage("driver 'vm' is not enabled on this server");
    }
}
