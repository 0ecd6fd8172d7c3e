package dev.errand.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic, independent of storage. An entry's canonical form is a JSON array
 * of its fields in this fixed order:
 * {@code [seq, at, request_id, user_id, user_email, key_id, role, action, target_type, target_id,
 * outcome, status, detail, source]} — numbers as decimal integers, absent values as {@code null},
 * strings in double quotes with only {@code "}, {@code \} and control characters escaped
 * ({@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, else {@code &#92;u00XX}), no spaces,
 * UTF-8. Its hash is the lower-case hex SHA-256 of {@code prev_hash + "\n" + canonical}. The first
 * entry's {@code prev_hash} is {@link #GENESIS}. Stateless, thread-safe.
 */
public final class AuditChain {
    /** The {@code prev_hash} of entry 1: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** @return the entry placed after {@code prevHash} at {@code seq} */
    public static AuditEntry seal(long seq, String prevHash, AuditDraft d) {
        return new AuditEntry(seq, d, prevHash, hash(prevHash, canonical(seq, d)));
    }

    /** @return true when the entry's hash matches its content and {@code prev_hash} */
    public static boolean matches(AuditEntry e) {
        return hash(e.prevHash(), canonical(e.seq(), e.draft())).equals(e.hash());
    }

    /** @return the canonical form of an entry, as described above */
    public static String canonical(long seq, AuditDraft d) {
        StringBuilder out = new StringBuilder(256).append('[').append(seq).append(',').append(d.at());
        for (String s : new String[] {d.requestId(), d.userId(), d.userEmail(), d.keyId(), d.role(), d.action(),
                d.targetType(), d.targetId(), d.outcome()}) {
            out.append(',');
            string(out, s);
        }
        out.append(',').append(d.status()).append(',');
        string(out, d.detail());
        out.append(',');
        string(out, d.source());
        return out.append(']').toString();
    }

    /** @return lower-case hex SHA-256 of {@code prevHash + "\n" + canonical} */
    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
