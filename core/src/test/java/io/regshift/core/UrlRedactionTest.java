package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://api.cloudflare.com/client/v4|https://api.cloudflare.com/client/v4",
                "http://user:pw@127.0.0.1:8080/client/v4|http://***@127.0.0.1:8080/client/v4",
                "https://api.cloudflare.com/client/v4?token=pw|https://api.cloudflare.com/client/v4?***",
                "https://api.cloudflare.com/client/v4#pw|https://api.cloudflare.com/client/v4#***",
                "htp://user:pw@host/x?token=pw|htp://***@host/x?***",
                "ht tp://user:pw@host#pw|ht tp://***@host#***",
                "no url at all|no url at all",
            })
    void userInfoQueryAndFragmentAreNeverShown(String url, String shown) {
        assertThat(Credentials.redactUrl(url)).isEqualTo(shown).doesNotContain("pw");
    }
}
