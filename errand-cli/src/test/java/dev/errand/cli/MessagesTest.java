package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final StringWriter err = new StringWriter();

    @Test
    void onATerminalTheSpinnerDrawsBrailleFramesAndClearsItsLineWhenClosed() throws Exception {
        Messages messages = new Messages(new PrintWriter(err), new Ansi(false), false, true);

        Spinner spinner = messages.waiting("waiting for output");
        Thread.sleep(250);
        spinner.close();

        assertThat(err.toString()).startsWith("\r\u001b[2K⠋ waiting for output").contains("⠙").endsWith("\r\u001b[2K");
    }

    @Test
    void offATerminalWaitingIsOnePlainArrowLine() {
        Messages messages = new Messages(new PrintWriter(err), new Ansi(false), false, false);

        messages.waiting("waiting for output").close();

        assertThat(err.toString()).isEqualTo("→ waiting for output\n");
    }

    @Test
    void quietHidesProgressButNotWarningsOrFailures() {
        Messages messages = new Messages(new PrintWriter(err), new Ansi(false), true, true);

        messages.waiting("waiting").close();
        messages.info("info");
        messages.success("done");
        messages.warn("careful");
        messages.failure("broken");

        assertThat(err.toString()).isEqualTo("⚠ careful\n✗ broken\n");
    }

    @Test
    void symbolsAreColouredOnlyWhenColourIsOn() {
        new Messages(new PrintWriter(err), new Ansi(true), false, false).success("ok");

        assertThat(err.toString()).isEqualTo("\u001b[32m✓\u001b[0m ok\n");
    }
}
