package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void columnsArePaddedToTheWidestCellTwoSpacesApartWithoutTrailingSpaces() {
        StringWriter out = new StringWriter();
        new Table("ID", "NAME", "X").row("a", "long name", null).row("bbb", "n", "y").print(new PrintWriter(out, true), new Ansi(false));

        assertThat(out.toString()).isEqualTo("""
                ID   NAME       X
                a    long name  -
                bbb  n          y
                """);
    }

    @Test
    void cutShortensToTheLimitWithAnEllipsisAndFlattensWhitespace() {
        assertThat(Table.cut("short", 40)).isEqualTo("short");
        assertThat(Table.cut("a\nb\tc", 40)).isEqualTo("a b c");
        assertThat(Table.cut("x".repeat(50), 40)).hasSize(40).endsWith("x…");
        assertThat(Table.cut("é".repeat(41), 40)).isEqualTo("é".repeat(39) + "…");
    }
}
