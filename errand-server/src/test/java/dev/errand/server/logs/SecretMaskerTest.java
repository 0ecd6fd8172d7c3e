package dev.errand.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.LogStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The skipping scan finds exactly what a plain search for every form finds. */
class SecretMaskerTest {

    /** Reference: every occurrence of every form, merged, replaced by the mask. */
    static String naive(String text, List<String> values) {
        List<long[]> spans = new ArrayList<>();
        for (String form : SecretForms.of(values)) {
            for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
                spans.add(new long[] {i, i + form.length()});
            }
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder();
        int copied = 0;
        long end = -1;
        for (long[] s : spans) {
            if (s[0] < end) {
                end = Math.max(end, s[1]);
                copied = (int) end;
                continue;
            }
            out.append(text, copied, (int) s[0]).append(MaskingBuffer.MASK);
            end = s[1];
            copied = (int) end;
        }
        return out.append(text.substring(Math.min(copied, text.length()))).toString();
    }

    @Test
    void randomTextWithEmbeddedValuesIsMaskedExactlyLikeAPlainSearch() {
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_-: é";
        for (int round = 0; round < 300; round++) {
            List<String> values = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(5); v++) {
                values.add(word(random, alphabet, 4 + random.nextInt(12)));
            }
            StringBuilder text = new StringBuilder();
            while (text.length() < 300) {
                text.append(random.nextInt(4) == 0 ? values.get(random.nextInt(values.size())) : word(random, alphabet, 1 + random.nextInt(8)));
            }
            MaskingBuffer buffer = new MaskingBuffer(SecretMasker.of(values));
            List<PendingLine> out = new ArrayList<>();
            buffer.accept(new PendingLine(LogStream.STDOUT, text.toString(), Instant.EPOCH), out);
            buffer.flush(out);
            assertThat(out.getFirst().text()).as(values + " in " + text).isEqualTo(naive(text.toString(), values));
        }
    }

    @Test
    void aLongLineCutIntoPiecesAnywhereIsMaskedAsIfWhole() {
        Random random = new Random(7);
        String alphabet = "abcdefghij0123456789+/_-";
        for (int round = 0; round < 100; round++) {
            List<String> values = List.of(word(random, alphabet, 6 + random.nextInt(20)), word(random, alphabet, 4 + random.nextInt(6)));
            StringBuilder text = new StringBuilder();
            while (text.length() < 3 * MaskingBuffer.CUT_MIN_CHARS) {
                text.append(random.nextInt(50) == 0 ? values.get(random.nextInt(2)) : word(random, alphabet, 1 + random.nextInt(9)));
            }
            int cut1 = MaskingBuffer.CUT_MIN_CHARS + random.nextInt(500);
            int cut2 = cut1 + MaskingBuffer.CUT_MIN_CHARS + random.nextInt(500);
            MaskingBuffer buffer = new MaskingBuffer(SecretMasker.of(values));
            List<PendingLine> out = new ArrayList<>();
            for (String piece : List.of(text.substring(0, cut1), text.substring(cut1, cut2), text.substring(cut2))) {
                buffer.accept(new PendingLine(LogStream.STDOUT, piece, Instant.EPOCH), out);
            }
            buffer.flush(out);
            assertThat(out).hasSize(3);
            assertThat(String.join("", out.stream().map(PendingLine::text).toList()).equals(naive(text.toString(), values)))
                    .as("round " + round).isTrue();
        }
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
