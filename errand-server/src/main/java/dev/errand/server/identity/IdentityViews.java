package dev.errand.server.identity;

import dev.errand.protocol.ClaimTokenView;
import dev.errand.protocol.KeyView;
import dev.errand.protocol.NewKeyView;
import dev.errand.protocol.UserView;
import java.time.Instant;

/** Maps stored users and keys to their API views. */
final class IdentityViews {
    private IdentityViews() {}

    static UserView user(User u) {
        return new UserView(u.id(), u.email(), u.role().wireName(), u.status(), u.usableKeys(),
                Instant.ofEpochMilli(u.createdAt()), u.createdBy(), instant(u.revokedAt()), instant(u.lastUsedAt()));
    }

    static KeyView key(ApiKey k, long now) {
        return new KeyView(k.id(), k.name(), k.userId(), k.userEmail(), k.status(now), Instant.ofEpochMilli(k.createdAt()),
                instant(k.expiresAt()), instant(k.lastUsedAt()), instant(k.revokedAt()));
    }

    static ClaimTokenView invitation(UserService.Invitation i) {
        return new ClaimTokenView(user(i.user()), i.claimToken(), Instant.ofEpochMilli(i.expiresAt()));
    }

    static NewKeyView newKey(UserView owner, ApiKey key, String plaintext, long now) {
        return new NewKeyView(plaintext, key(key, now), owner);
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
