package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compile cache: keyed by everything that shapes the artefacts, bounded, least recently used out. */
class CompileCacheTest {
    static final Language C = LanguageCatalogue.load().find("c").orElseThrow();

    static Job job(String user, String source) {
        return new Job("ex_1", new Principal(user, user + "@x", Role.DEVELOPER, "key_1"), "req", C, "12",
                List.of(new SourceFile("main.c", source.getBytes(StandardCharsets.UTF_8))), new byte[0], List.of(),
                1000, 64, false, Instant.EPOCH);
    }

    @Test
    void theKeyChangesWithTheSourceTheUserAndTheFileNames() {
        String k = CompileCache.key(job("usr_a", "int main(){}"));

        assertThat(CompileCache.key(job("usr_a", "int main(){}"))).isEqualTo(k);
        assertThat(CompileCache.key(job("usr_a", "int main(){ }"))).isNotEqualTo(k);
        assertThat(CompileCache.key(job("usr_b", "int main(){}"))).isNotEqualTo(k);
        Job renamed = new Job("ex_1", job("usr_a", "").caller(), "req", C, "12",
                List.of(new SourceFile("other.c", "int main(){}".getBytes(StandardCharsets.UTF_8))), new byte[0],
                List.of(), 1000, 64, false, Instant.EPOCH);
        assertThat(CompileCache.key(renamed)).isNotEqualTo(k);
    }

    @Test
    void theLeastRecentlyUsedEntriesLeaveWhenTheBudgetIsExceeded() {
        CompileCache cache = new CompileCache(400);
        cache.put("a", new byte[100]);
        cache.put("b", new byte[100]);
        cache.put("c", new byte[100]);
        cache.get("a");
        cache.put("d", new byte[100]);
        cache.put("e", new byte[100]);

        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.size()).isLessThanOrEqualTo(400);
    }

    @Test
    void entriesOverAQuarterOfTheBudgetAndEmptyOnesAreNotKept() {
        CompileCache cache = new CompileCache(400);
        cache.put("big", new byte[101]);
        cache.put("empty", new byte[0]);

        assertThat(cache.get("big")).isEmpty();
        assertThat(cache.get("empty")).isEmpty();
    }

    @Test
    void aZeroBudgetDisablesTheCache() {
        assertThat(new CompileCache(0).enabled()).isFalse();
    }
}
