package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session cryptography: derived values are distinct, and a sealed key opens only with its token and row. */
class SessionTokensTest {
    @Test
    void tokensAreRandomAndWellFormed() {
        String a = SessionTokens.newToken();
        assertThat(a).hasSize(43).isNotEqualTo(SessionTokens.newToken());
        assertThat(SessionTokens.wellFormed(a)).isTrue();
        assertThat(SessionTokens.wellFormed(a.substring(1))).isFalse();
        assertThat(SessionTokens.wellFormed(a.substring(1) + "=")).isFalse();
        assertThat(SessionTokens.wellFormed(null)).isFalse();
    }

    @Test
    void idAndCsrfAreStableAndUnrelatedToTheToken() {
        String token = SessionTokens.newToken();
        assertThat(SessionTokens.id(token)).isEqualTo(SessionTokens.id(token)).hasSize(64).doesNotContain(token);
        assertThat(SessionTokens.csrf(token)).isEqualTo(SessionTokens.csrf(token)).isNotEqualTo(token)
                .isNotEqualTo(SessionTokens.id(token));
    }

    @Test
    void aSealedKeyOpensOnlyWithItsTokenAndRow() {
        String token = SessionTokens.newToken();
        String id = SessionTokens.id(token);
        String sealed = SessionTokens.seal(token, id, "erk_secret");
        assertThat(sealed).doesNotContain("erk_secret");
        assertThat(SessionTokens.unseal(token, id, sealed)).hasValue("erk_secret");
        assertThat(SessionTokens.unseal(SessionTokens.newToken(), id, sealed)).isEmpty();
        assertThat(SessionTokens.unseal(token, SessionTokens.id(SessionTokens.newToken()), sealed)).isEmpty();
        assertThat(SessionTokens.unseal(token, id, "not base64!")).isEmpty();
        assertThat(SessionTokens.seal(token, id, "erk_secret")).isNotEqualTo(sealed);
    }
}
