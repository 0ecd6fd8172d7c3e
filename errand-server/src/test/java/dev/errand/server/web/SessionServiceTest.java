package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.ApiKeys;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session lifetimes on a clock the test moves: idle timeout, absolute lifetime, activity. */
class SessionServiceTest {
    @TempDir
    Path dir;
    Database db;
    final MovableClock clock = new MovableClock();
    SessionService sessions;
    final Principal alice = new Principal("usr_alice", "alice@example.com", Role.DEVELOPER, "key_alice");
    final String key = ApiKeys.generate();

    @BeforeEach
    void open() {
        db = Database.sqlite(dir);
        JdbiIdentityStore identity = new JdbiIdentityStore();
        db.write(h -> {
            identity.insertUser(h, alice.userId(), alice.email(), alice.role(), 0);
            identity.insertKey(h, alice.keyId(), alice.userId(), "test", ApiKeys.hash(key), 0, null);
            return null;
        });
        sessions = new SessionService(db, new JdbiSessionStore(), clock, Duration.ofHours(12), Duration.ofDays(7),
                AccessPolicy.standard());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSessionUnlocksTheKeyItWasOpenedWith() {
        SessionService.Opened opened = sessions.open(alice, key);
        SessionService.Unlocked unlocked = sessions.unlock(opened.token());
        assertThat(unlocked.apiKey()).isEqualTo(key);
        assertThat(unlocked.csrfToken()).isEqualTo(opened.view().csrfToken());
        assertThat(opened.view().role()).isEqualTo("developer");
        assertThat(opened.view().access()).containsEntry("execution.kill", "own").containsEntry("image.read", "all")
                .doesNotContainKey("user.list").doesNotContainKey("audit.read");
        assertThat(opened.view().expiresAt()).isEqualTo(Instant.ofEpochMilli(clock.millis()).plus(Duration.ofDays(7)));
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEnds() {
        String token = sessions.open(alice, key).token();
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThatThrownBy(() -> sessions.unlock(token)).isInstanceOf(ErrandException.class)
                .hasMessageContaining("expired after 12 hours without use")
                .satisfies(e -> assertThat(((ErrandException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThatThrownBy(() -> sessions.unlock(token)).hasMessageContaining("signed out");
    }

    @Test
    void useKeepsASessionAliveUntilItsLifetimeEnds() {
        String token = sessions.open(alice, key).token();
        for (int i = 0; i < 15; i++) {
            clock.advance(Duration.ofHours(11));
            sessions.unlock(token);
        }
        clock.advance(Duration.ofHours(4));
        assertThatThrownBy(() -> sessions.unlock(token)).hasMessageContaining("limit of 7 days");
    }

    @Test
    void closingASessionEndsIt() {
        String token = sessions.open(alice, key).token();
        sessions.close(token);
        assertThatThrownBy(() -> sessions.unlock(token)).hasMessageContaining("signed out");
    }

    @Test
    void aMalformedOrForeignTokenOpensNothing() {
        sessions.open(alice, key);
        assertThatThrownBy(() -> sessions.unlock("short")).hasMessageContaining("signed out");
        assertThatThrownBy(() -> sessions.unlock(SessionTokens.newToken())).hasMessageContaining("signed out");
    }

    @Test
    void openingASessionDeletesEndedOnes() {
        sessions.open(alice, key);
        clock.advance(Duration.ofDays(1));
        sessions.open(alice, key);
        long rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM web_sessions").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
