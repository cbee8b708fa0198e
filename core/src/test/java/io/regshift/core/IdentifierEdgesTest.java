package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Inputs at the very edges of what the ID and body readers accept. */
class IdentifierEdgesTest {
    @Test
    void anIdStartingWithALoneLowSurrogateIsRefusedNamingItsIndex() {
        assertThatThrownBy(() -> RegistrationIds.of("\uDC00abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration ID [0]")
                .hasMessageContaining("contains an unpaired UTF-16 surrogate at index 0; it has no UTF-8 encoding");
    }

    @Test
    void aBodyOfOnlyBytesThatAreNotUtf8IsRefusedAsNotUtf8() {
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(new byte[] {(byte) 0xC3, (byte) 0xFF}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request body is not valid UTF-8");
    }

    @Test
    void anIdWithTheFirstCharacterBeyondAsciiIsJudgedByItsRules() {
        assertThatThrownBy(() -> RegistrationIds.of("a\u0080b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains a control character (U+0080) at index 1");
    }

    @Test
    void aBodyCutOffInsideAnIdIsRefusedAsInvalidJson() {
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(
                        "[\"abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
