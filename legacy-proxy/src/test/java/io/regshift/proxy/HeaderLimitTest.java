package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.regshift.adapter.ErrorCodes;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.testkit.FakeCloudflare;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One limit on the request head, the same toward the app and toward the upstream: whatever the
 * proxy accepts it can forward, and whatever is larger it refuses itself with 431, without counting
 * an upstream it never tried to reach.
 */
class HeaderLimitTest {
    static final String TOKEN = "tok-5c0e9b2d7a184f63";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    static LegacyProxy proxy;
    static String self;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .accessLog(line -> {})
                .start();
        self = "127.0.0.1:" + proxy.port();
        cloudflare
                .wireMock()
                .stubFor(WireMock.get(WireMock.urlEqualTo("/client/v4/zones"))
                        .willReturn(WireMock.aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}")));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @BeforeEach
    void clearJournal() {
        cloudflare.wireMock().resetRequests();
    }

    static Http.Raw get(String headerValue) {
        return Http.raw(
                proxy.port(),
                "GET /client/v4/zones HTTP/1.1\r\nHost: " + self + "\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nX-Large: " + headerValue);
    }

    static String metrics() {
        return Http.raw(proxy.port(), "GET /__regshift/metrics HTTP/1.1\r\nHost: " + self)
                .text();
    }

    @Test
    void aTwelveKibHeaderPassesThroughToTheUpstream() {
        String value = "v".repeat(12 * 1024);

        Http.Raw response = get(value);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<LoggedRequest> forwarded = cloudflare.wireMock().findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
        assertThat(forwarded)
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("X-Large")).isEqualTo(value));
    }

    @Test
    void aHeadJustUnderTheLimitPassesThroughToTheUpstream() {
        Http.Raw response = get("v".repeat(16 * 1024 - 300));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(cloudflare.wireMock().getAllServeEvents()).hasSize(1);
    }

    @Test
    void aHeadOverTheLimitGets431FromTheProxyAndCountsNoUpstreamError() throws IOException {
        Http.Raw response = get("v".repeat(16 * 1024 + 1));

        assertThat(response.status()).isEqualTo(431);
        Envelope envelope = CloudflareJson.envelope().fromJson(response.text());
        assertThat(envelope.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.HEADERS_TOO_LARGE));
        assertThat(cloudflare.wireMock().getAllServeEvents()).isEmpty();
        assertThat(metrics()).contains("regshift_proxy_upstream_errors_total{kind=\"unreachable\"} 0\n");
    }
}
