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
