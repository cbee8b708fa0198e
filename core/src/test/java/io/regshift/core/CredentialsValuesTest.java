package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Credentials as values: equal when they would send the same headers, and checked on creation. */
class CredentialsValuesTest {
    @Test
    void credentialsAreEqualExactlyWhenTheySendTheSameHeaders() {
        assertThat(Credentials.apiToken("t"))
                .isEqualTo(Credentials.apiToken("t"))
                .hasSameHashCodeAs(Credentials.apiToken("t"));
        assertThat(Credentials.apiKey("e@x", "k"))
                .isEqualTo(Credentials.apiKey("e@x", "k"))
                .hasSameHashCodeAs(Credentials.apiKey("e@x", "k"));
        assertThat(Credentials.apiToken("t")).isNotEqualTo(Credentials.apiToken("u"));
        assertThat(Credentials.apiKey("e@x", "k")).isNotEqualTo(Credentials.apiKey("e@x", "other"));
        assertThat(Credentials.apiKey("e@x", "k")).isNotEqualTo(Credentials.apiKey("f@x", "k"));
        assertThat(Credentials.apiToken("t")).isNotEqualTo("t");
    }

    @Test
    void anEmailThatCannotBeAHeaderIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Credentials.apiKey("ops@exa mple.com", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "email contains a character that can't be sent in an HTTP header, at index 7 (the value is not shown)");
    }

    @Test
    void everyVisibleAsciiCharacterFromBangToTildeIsAccepted() {
        assertThat(Credentials.apiToken("!token~")).isEqualTo(Credentials.apiToken("!token~"));
    }
}
