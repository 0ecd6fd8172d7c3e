package dev.errand.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a.b+tag@mail.example.co.uk", "o'neil@example.org", "admin@localhost",
        "x@a-b.example", "1@2.io"})
    void commonAddressesAreAccepted(String address) {
        assertThat(new Email(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a@b", "@example.com", "a@", "a..b@example.com", "a.@example.com", "a@example..com",
        "a@exa_mple.com", "\"quoted\"@example.com", "a@[127.0.0.1]", "a b@example.com", "a@b@example.com", "   "})
    void malformedAddressesAreRefused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(ErrandException.class)
                .hasMessageMatching("'.*' is not a valid email address: .+|email is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Alice@Example.COM ", "ALICE@EXAMPLE.COM"})
    void addressesAreTrimmedAndLowerCased(String address) {
        assertThat(new Email(address).value()).isEqualTo("alice@example.com");
    }

    @org.junit.jupiter.api.Test
    void overlongAddressesAreRefused() {
        assertThatThrownBy(() -> new Email("a".repeat(65) + "@example.com")).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> new Email("a@" + "b".repeat(250) + ".com")).hasMessageContaining("254");
    }
}
