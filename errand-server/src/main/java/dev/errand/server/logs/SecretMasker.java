package dev.errand.server.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over the {@linkplain SecretForms forms} of an execution's secret
 * values. ASCII transitions are a dense table (one array read per character); other characters
 * follow failure links. Each state knows the longest form ending there, which is all masking
 * needs: shorter matches ending at the same place lie inside it. Immutable and thread-safe; the
 * per-stream position lives in {@link MaskingBuffer}.
 */
public final class SecretMasker {
    /** A masker with nothing to mask. */
    public static final SecretMasker NONE = new SecretMasker(List.of());
    private static final int ASCII = 128;
    private final int[] ascii;
    private final List<Map<Character, Integer>> other = new ArrayList<>();
    private final int[] fail;
    private final int[] depth;
    private final int[] longest;
    private final int[] hold;
    /** {@link #ascii} with each entry whose target ends a form stored as its bitwise complement. */
    private final int[] flagged;
    private static final int BLOCKS = 1 << 14;
    /** How far the scan window may move when its last two characters hash to a block. */
    private final int[] shift = new int[BLOCKS];
    private final int shortest;
    private final int longestForm;

    /**
     * @param values the plaintext secret values (never logged)
     * @return a masker for their forms
     */
    public static SecretMasker of(Collection<String> values) {
        return values.isEmpty() ? NONE : new SecretMasker(List.copyOf(SecretForms.of(values)));
    }

    private SecretMasker(List<String> forms) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        trie.add(new HashMap<>());
        depths.add(0);
        ends.add(0);
        for (String form : forms) {
            int s = 0;
            for (int i = 0; i < form.length(); i++) {
                Integer next = trie.get(s).get(form.charAt(i));
                if (next == null) {
                    next = trie.size();
                    trie.add(new HashMap<>());
                    depths.add(i + 1);
                    ends.add(0);
                    trie.get(s).put(form.charAt(i), next);
                }
                s = next;
            }
            ends.set(s, Math.max(ends.get(s), form.length()));
        }
        shortest = forms.stream().mapToInt(String::length).min().orElse(SecretForms.MIN_CHARS);
        longestForm = forms.stream().mapToInt(String::length).max().orElse(SecretForms.MIN_CHARS);
        java.util.Arrays.fill(shift, shortest - 1);
        for (String form : forms) {
            for (int j = 0; j + 2 <= shortest; j++) {
                int b = block(form.charAt(j), form.charAt(j + 1));
                shift[b] = Math.min(shift[b], shortest - 2 - j);
            }
        }
        int n = trie.size();
        fail = new int[n];
        depth = depths.stream().mapToInt(Integer::intValue).toArray();
        longest = ends.stream().mapToInt(Integer::intValue).toArray();
        hold = new int[n];
        ascii = new int[n * ASCII];
        for (int i = 0; i < n; i++) {
            other.add(Map.of());
        }
        // Breadth-first: a state's failure target and transitions are complete before its children's.
        List<Integer> queue = new ArrayList<>(List.of(0));
        for (int q = 0; q < queue.size(); q++) {
            int s = queue.get(q);
            longest[s] = Math.max(longest[s], longest[fail[s]]);
            // A leaf cannot grow into a longer form: only its longest suffix that can still grow counts.
            hold[s] = trie.get(s).isEmpty() ? hold[fail[s]] : depth[s];
            for (int c = 0; c < ASCII; c++) {
                Integer child = trie.get(s).get((char) c);
                int viaFail = s == 0 ? 0 : ascii[fail[s] * ASCII + c];
                ascii[s * ASCII + c] = child != null ? child : viaFail;
            }
            // (entries are plain state numbers here; matches are flagged after the walk)
            Map<Character, Integer> nonAscii = new HashMap<>();
            for (Map.Entry<Character, Integer> e : trie.get(s).entrySet()) {
                int child = e.getValue();
                fail[child] = s == 0 ? 0 : step(fail[s], e.getKey());
                queue.add(child);
                if (e.getKey() >= ASCII) {
                    nonAscii.put(e.getKey(), child);
                }
            }
            other.set(s, nonAscii);
        }
        flagged = new int[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            flagged[i] = flag(ascii[i]);
        }
    }

    /**
     * Scans {@code text} from automaton state {@code state}, reporting each match as the interval
     * {@code [offset + end - length, offset + end)} to {@code matches}, in order. From the root it
     * skips ahead Wu–Manber style: a window of the shortest form's length can hold the start of a
     * form only if its last two characters occur in some form's first window, so most text is
     * looked at once every few characters; candidates are checked with the automaton.
     *
     * @param needEndState whether the caller needs the state after the last character
     * @return the state after the last character, or 0 when not needed
     */
    int scan(String text, int state, long offset, Matches matches, boolean needEndState) {
        int n = text.length();
        int i = 0;
        if (state != 0) {
            long r = run(text, 0, state, offset, matches, true);
            i = (int) (r >>> 32);
            if (i >= n) {
                return (int) r;
            }
        }
        int m = shortest;
        for (int pos = i + m - 1; pos < n; ) {
            int sh = shift[block(text.charAt(pos - 1), text.charAt(pos))];
            if (sh > 0) {
                pos += sh;
                continue;
            }
            int back = (int) (run(text, pos - m + 1, 0, offset, matches, true) >>> 32);
            pos = Math.max(pos + 1, back + m - 1);
        }
        if (!needEndState) {
            return 0;
        }
        // The state after the text is its longest suffix that begins a form: no longer than a form.
        return (int) run(text, Math.max(i, n - longestForm), 0, offset, (from, to) -> { }, false);
    }

    /**
     * Steps the automaton over {@code text} from index {@code from} in state {@code s}.
     *
     * @param untilRoot stop as soon as the state is the root again
     * @return the index after the last character read, in the high 32 bits, and the state, in the low
     */
    private long run(String text, int from, int s, long offset, Matches matches, boolean untilRoot) {
        int[] table = flagged;
        int n = text.length();
        for (int j = from; j < n; j++) {
            char c = text.charAt(j);
            int v = c < ASCII ? table[s * ASCII + c] : flag(step(s, c));
            if (v < 0) {
                s = ~v;
                matches.add(offset + j + 1 - longest[s], offset + j + 1);
            } else {
                s = v;
            }
            if (untilRoot && depth[s] == 0) {
                return (long) (j + 1) << 32;
            }
        }
        return (long) n << 32 | s;
    }

    private static int block(char a, char b) {
        return (a * 31 + b) & (BLOCKS - 1);
    }

    private int flag(int s) {
        return longest[s] > 0 ? ~s : s;
    }

    /** Receives matches as half-open intervals of stream offsets. */
    interface Matches {
        /** @param from the first offset of the match; @param to one past its last */
        void add(long from, long to);
    }

    /** @return true when there is nothing to mask */
    public boolean isEmpty() {
        return depth.length == 1;
    }

    /** @return the state after reading {@code c} in state {@code s} */
    int step(int s, char c) {
        if (c < ASCII) {
            return ascii[s * ASCII + c];
        }
        while (true) {
            Integer next = other.get(s).get(c);
            if (next != null) {
                return next;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** @return the length of the longest form ending in state {@code s}, 0 for none */
    int longestMatch(int s) {
        return longest[s];
    }

    /** @return how many of the last characters read in state {@code s} may still become part of a match */
    int depth(int s) {
        return hold[s];
    }
}
