package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Issues and redeems claim tokens inside the caller's transaction. A token is stored only as its
 * SHA-256 hash; redeeming is a compare-and-set, so a token works once even under races; the API
 * key is made at redemption and never stored in plaintext. Stateless apart from its
 * collaborators; thread-safe.
 */
final class Invitations {
    private final IdentityStore users;
    private final ClaimTokenStore claims;
    private final Clock clock;

    Invitations(IdentityStore users, ClaimTokenStore claims, Clock clock) {
        this.users = users;
        this.claims = claims;
        this.clock = clock;
    }

    UserService.Invitation issue(Handle h, String userId, String issuedBy) {
        long now = clock.millis();
        String token = ClaimTokens.generate();
        ClaimToken row = new ClaimToken(Ids.next("clm_"), userId, now, now + ClaimTokens.VALIDITY.toMillis(), null);
        claims.insert(h, row, ApiKeys.hash(token), issuedBy);
        return new UserService.Invitation(users.findUser(h, userId, now).orElseThrow(), token, row.expiresAt());
    }

    void expire(Handle h, String userId) {
        claims.expireUnused(h, userId, clock.millis());
    }

    UserService.Claimed redeem(Handle h, String token, KeyName name, String source) {
        String presented = token == null ? "" : token.strip();
        ClaimToken t = (ClaimTokens.wellFormed(presented) ? claims.findByHash(h, ApiKeys.hash(presented))
                : Optional.<ClaimToken>empty())
                .orElseThrow(() -> ErrandException.notFound("unknown claim token: check it was copied whole"));
        long now = clock.millis();
        if (t.usedAt() != null) {
            throw new ErrandException(ErrorCode.CLAIM_TOKEN_USED,
                    "this claim token was already used; ask an admin for a new one (errand users reissue EMAIL)");
        }
        User user = users.findUser(h, t.userId(), now).orElseThrow();
        if (t.expiresAt() <= now || user.revokedAt() != null) {
            throw new ErrandException(ErrorCode.CLAIM_TOKEN_EXPIRED, user.revokedAt() != null
                    ? "this claim token's user was revoked"
                    : "this claim token expired (they last 15 minutes); ask an admin for a new one (errand users reissue EMAIL)");
        }
        if (!claims.markUsed(h, t.id(), now, source)) {
            throw new ErrandException(ErrorCode.CLAIM_TOKEN_USED, "this claim token was already used");
        }
        if (users.listKeys(h, user.id(), false).stream().anyMatch(k -> k.usable(now) && k.name().equals(name.value()))) {
            throw ErrandException.conflict("you already have a key named '" + name.value() + "'; claim with another name");
        }
        String apiKey = ApiKeys.generate();
        String keyId = Ids.next("key_");
        users.insertKey(h, keyId, user.id(), name.value(), ApiKeys.hash(apiKey), now, null);
        return new UserService.Claimed(users.findUser(h, user.id(), now).orElseThrow(),
                users.findKey(h, keyId).orElseThrow(), apiKey);
    }
}
