package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A configured upstream's user info and query are never printed, whatever is wrong with it. */
class UpstreamRedactionTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.cloudflare.com/client/v4?token=secret-q1",
                "https://api.cloudflare.com/client/v4#token=secret-q1",
                "https://me:secret-q1@api.cloudflare.com/client/v4",
                "htps://api.cloudflare.com/client/v4?token=secret-q1",
                "ht tp://me:secret-q1@api.cloudflare.com/?token=secret-q1"
            })
    void aRefusedUpstreamIsNamedWithoutItsSecrets(String upstream) {
        StartupTest.Launched launched = StartupTest.launch("--upstream", upstream);

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err()).contains("upstream URL").doesNotContain("secret-q1");
        assertThat(launched.out()).doesNotContain("secret-q1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--upstrem=https://me:secret-q1@api.cloudflare.com/client/v4",
                "https://api.cloudflare.com/client/v4?token=secret-q1"
            })
    void aMistypedFlagOrStrayValueIsNotEchoed(String arg) {
        StartupTest.Launched launched = StartupTest.launch(arg);

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err()).doesNotContain("secret-q1");
    }
}
