package dev.errand.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.LogStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingBufferTest {
    static final String SECRET = "s3cr3t-Value/with+chars\"and\\quotes é";

    static List<String> mask(List<String> secrets, String... lines) {
        MaskingBuffer buffer = new MaskingBuffer(SecretMasker.of(secrets));
        List<PendingLine> out = new ArrayList<>();
        for (String line : lines) {
            buffer.accept(new PendingLine(LogStream.STDOUT, line, Instant.EPOCH), out);
        }
        buffer.flush(out);
        return out.stream().map(PendingLine::text).toList();
    }

    @Test
    void theRawValueIsReplacedWhereverItOccurs() {
        assertThat(mask(List.of(SECRET), "token=" + SECRET + " and again " + SECRET + "!"))
                .containsExactly("token=*** and again ***!");
    }

    @Test
    void linesWithoutSecretsPassUnchanged() {
        assertThat(mask(List.of(SECRET), "hello", "", "world s3cr3t")).containsExactly("hello", "", "world s3cr3t");
    }

    @Test
    void theBase64FormIsMaskedAtEveryOffsetInsideALongerEncodedText() {
        for (String prefix : List.of("", "u", "us", "user:")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + SECRET + ":tail").getBytes(StandardCharsets.UTF_8));
            String masked = mask(List.of(SECRET), "auth " + encoded).getFirst();
            assertThat(masked).as(prefix).contains("***").doesNotContain(encoded.substring(8, 20));
        }
    }

    @Test
    void theUrlEncodedAndJsonEscapedFormsAreMasked() {
        String url = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String json = SECRET.replace("\\", "\\\\").replace("\"", "\\\"");
        assertThat(mask(List.of(SECRET), "GET /?t=" + url, "GET /?t=" + url.replace("+", "%20"), "{\"t\":\"" + json + "\"}"))
                .containsExactly("GET /?t=***", "GET /?t=***", "{\"t\":\"***\"}");
    }

    /** As long as a piece the output pump cuts from a line over 16 KiB. */
    static final String PAD = "x".repeat(MaskingBuffer.CUT_MIN_CHARS);

    @Test
    void aValueSplitAcrossTwoPiecesOfALongLineIsMaskedAndTheSecondPieceKeepsItsTail() {
        List<String> out = mask(List.of(SECRET), PAD + SECRET.substring(0, 8), SECRET.substring(8) + "yy");
        assertThat(String.join("", out)).isEqualTo(PAD + "***yy");
        assertThat(String.join("|", out)).doesNotContain(SECRET.substring(0, 8)).doesNotContain(SECRET.substring(8));
    }

    @Test
    void aLongValueSplitAcrossThreePiecesIsMasked() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 5000; i++) {
            b.append(Integer.toHexString(i * 7919));
        }
        String big = b.toString();
        List<String> out = mask(List.of(big), PAD + big.substring(0, 10), big.substring(10, 4200), big.substring(4200) + ">");
        assertThat(out).hasSize(3);
        assertThat(String.join("", out).equals(PAD + "***>")).isTrue();
    }

    @Test
    void aShortLineEndsAtANewlineSoNothingSpansIntoTheNextLine() {
        assertThat(mask(List.of("abcdef"), "abc", "def")).containsExactly("abc", "def");
    }

    @Test
    void eachLineOfAMultiLineValueIsMasked() {
        String pem = "-----BEGIN KEY-----\nAAAABBBBCCCCDDDD\n-----END KEY-----";
        assertThat(mask(List.of(pem), "-----BEGIN KEY-----", "AAAABBBBCCCCDDDD", "-----END KEY-----"))
                .containsExactly("***", "***", "***");
    }

    @Test
    void overlappingValuesAreMaskedAsOneSpan() {
        assertThat(mask(List.of("abcdef", "defghi"), "xabcdefghix")).containsExactly("x***x");
    }

    @Test
    void aLineEndingInThePrefixOfAValueIsReleasedUnchangedWhenTheNextLineDoesNotContinueIt() {
        assertThat(mask(List.of(SECRET), "ends with s3c", "next line")).containsExactly("ends with s3c", "next line");
    }

    @Test
    void linesOfDifferentStreamsAreMaskedIndependently() {
        MaskingBuffer buffer = new MaskingBuffer(SecretMasker.of(List.of(SECRET)));
        List<PendingLine> out = new ArrayList<>();
        buffer.accept(new PendingLine(LogStream.STDOUT, PAD + SECRET.substring(0, 6), Instant.EPOCH), out);
        buffer.accept(new PendingLine(LogStream.STDERR, "err " + SECRET, Instant.EPOCH), out);
        buffer.accept(new PendingLine(LogStream.STDOUT, SECRET.substring(6), Instant.EPOCH), out);
        buffer.flush(out);
        assertThat(out).extracting(PendingLine::text).containsExactly("err ***", PAD + "***", "");
    }
}
