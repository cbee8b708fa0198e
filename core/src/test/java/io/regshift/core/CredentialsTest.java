package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void toStringNeverShowsTheSecrets() {
        Credentials token = Credentials.apiToken("s3cr3t-token");
        Credentials key = Credentials.apiKey("ops@example.com", "s3cr3t-key");

        assertThat(token.toString()).isEqualTo("Credentials[API token, redacted]");
        assertThat(key.toString())
                .isEqualTo("Credentials[email + API key, redacted]")
                .doesNotContain("ops@");
    }

    @Test
    void tokenFromTheEnvironmentWinsOverTheKeyPair() {
        Map<String, String> env =
                Map.of("CLOUDFLARE_API_TOKEN", "t", "CLOUDFLARE_EMAIL", "e@x", "CLOUDFLARE_API_KEY", "k");

        assertThat(Credentials.fromEnvironment(env)).hasValue(Credentials.apiToken("t"));
        assertThat(Credentials.fromEnvironment(Map.of("CLOUDFLARE_EMAIL", "e@x", "CLOUDFLARE_API_KEY", "k")))
                .hasValue(Credentials.apiKey("e@x", "k"));
        assertThat(Credentials.fromEnvironment(Map.of("CLOUDFLARE_API_TOKEN", "  ")))
                .isEmpty();
    }

    @Test
    void halfAKeyPairIsAnError() {
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CLOUDFLARE_EMAIL", "e@x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLOUDFLARE_EMAIL is set but CLOUDFLARE_API_KEY is not");
    }

    @Test
    void valuesThatCannotBeHeadersAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Credentials.apiToken("abc\r\nX-Evil: 1"))
                .hasMessageContaining("index 3")
                .hasMessageNotContaining("abc")
                .hasMessageNotContaining("Evil");
        assertThatThrownBy(() -> Credentials.apiKey("e@x", "  ")).hasMessageContaining("API key is blank");
    }
}
