package io.regshift.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Envelope;
import io.regshift.testkit.FakeCloudflare;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A replacement call answered with a redirect fails its IDs and sends nothing to the other host. */
class RedirectRefusalTest {
    static final String EMAIL = "secops@acme.example";
    static final String KEY = "gkey-redirect-7e2a";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiKey(EMAIL, KEY).build();

    /** The host a redirect points to: it must never hear from the proxy. */
    @RegisterExtension
    static final FakeCloudflare elsewhere =
            FakeCloudflare.builder().apiKey(EMAIL, KEY).build();

    static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .retryPolicy(DeprecatedCallsTest.QUICK)
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @AfterEach
    void removeRedirects() {
        cloudflare.removeCustomStubs();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectedReplacementCallFailsItsIdsAndNothingReachesTheOtherHost(int status) {
        cloudflare
                .wireMock()
                .stubFor(post(urlPathMatching(".*/devices/registrations/revoke"))
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader(
                                        "Location",
                                        elsewhere.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a&id=b")));

        HttpResponse<byte[]> response = Http.postJson(
                URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
                "[\"a\",\"b\"]",
                "X-Auth-Email",
                EMAIL,
                "X-Auth-Key",
                KEY);

        assertThat(response.statusCode() / 100).isNotEqualTo(2);
        Envelope envelope = Http.envelope(response);
        assertThat(envelope.success()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
        assertThat(result.get("failed_ids")).containsExactly("a", "b");
        assertThat(elsewhere.wireMock().getAllServeEvents()).isEmpty();
    }
}
