package dev.errand.sandbox;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link StandbyLauncher} per test, started before it (skipping or failing as
 * {@link Sandboxes#standby()}) and closed after it. Register with
 * {@code @RegisterExtension final StandbyFixture standby = new StandbyFixture();}.
 */
final class StandbyFixture implements BeforeEachCallback, AfterEachCallback {
    private StandbyLauncher launcher;

    @Override
    public void beforeEach(ExtensionContext context) {
        launcher = Sandboxes.standby();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (launcher != null) {
            launcher.close();
            launcher = null;
        }
    }

    /** @return this test's launcher */
    StandbyLauncher launcher() {
        return launcher;
    }
}
