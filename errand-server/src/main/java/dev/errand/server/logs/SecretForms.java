package dev.errand.server.logs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The texts that reveal a secret value in a log: the value itself and its JSON-escaped,
 * URL-encoded ({@code +} and {@code %20} for spaces) and base64 (standard and URL alphabet, at
 * each of the three byte offsets it may sit at inside a longer encoded text, keeping only the
 * characters that depend on the value alone) forms. A multi-line value contributes each of its
 * lines, as output reaches the log line by line. Forms shorter than {@value #MIN_CHARS}
 * characters are left out. Stateless.
 */
final class SecretForms {
    static final int MIN_CHARS = 4;

    private SecretForms() {}

    /** @return every form of every value, de-duplicated */
    static Set<String> of(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            for (String line : value.split("\r?\n")) {
                add(forms, line);
                add(forms, new String(JsonStringEncoder.getInstance().quoteAsString(line)));
                String url = URLEncoder.encode(line, StandardCharsets.UTF_8);
                add(forms, url);
                add(forms, url.replace("+", "%20"));
                base64(forms, line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return forms;
    }

    private static void base64(Set<String> forms, byte[] value) {
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + value.length];
            System.arraycopy(value, 0, shifted, offset, value.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // Character i carries bits [6i, 6i + 6); keep those that lie inside the value's bits.
            int from = (8 * offset + 5) / 6;
            int to = Math.min(encoded.length(), 8 * (offset + value.length) / 6);
            if (to - from >= MIN_CHARS) {
                String stable = encoded.substring(from, to);
                add(forms, stable);
                add(forms, stable.replace('+', '-').replace('/', '_'));
            }
        }
    }

    private static void add(Set<String> forms, String form) {
        if (form.length() >= MIN_CHARS) {
            forms.add(form);
        }
    }
}
