package dev.errand.server.identity;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Claim tokens in the store, found by the SHA-256 hash of the token. Times are epoch ms. */
public interface ClaimTokenStore {

    /**
     * Stores a new token.
     *
     * @param tokenHash {@link ApiKeys#hash} of the plaintext token
     * @param createdBy the issuing admin's user id
     */
    void insert(Handle h, ClaimToken token, String tokenHash, String createdBy);

    /** @return the token with this hash, used or not */
    Optional<ClaimToken> findByHash(Handle h, String tokenHash);

    /**
     * Redeems a token if nobody has (compare-and-set, so it is single use under races).
     *
     * @param from the redeeming client's address
     * @return true when this call redeemed it
     */
    boolean markUsed(Handle h, String id, long at, String from);

    /** Ends every unredeemed, unexpired token of a user now (on revoke or reissue). */
    void expireUnused(Handle h, String userId, long at);
}
