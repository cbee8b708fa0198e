package io.regshift.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import io.regshift.testkit.FakeCloudflare;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A replacement call answered with a redirect fails its IDs and sends nothing to the other host. */
class RedirectRefusalTest {
    static final String EMAIL = "secops@acme.example";
    static final String KEY = "gkey-redirect-5d1c";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiKey(EMAIL, KEY).build();

    /** The host a redirect points to: it must never hear from the interceptor. */
    @RegisterExtension
    static final FakeCloudflare elsewhere =
            FakeCloudflare.builder().apiKey(EMAIL, KEY).build();

    @AfterEach
    void removeRedirects() {
        cloudflare.removeCustomStubs();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectedReplacementCallFailsItsIdsAndNothingReachesTheOtherHost(int status) throws IOException {
        cloudflare
                .wireMock()
                .stubFor(post(urlPathMatching(".*/devices/registrations/revoke"))
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader(
                                        "Location",
                                        elsewhere.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a&id=b")));
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .baseUrl(cloudflare.baseUrl())
                        .listener(MigrationListener.none())
                        .build())
                .build();

        Response response = http.newCall(new Request.Builder()
                        .url(cloudflare.baseUrl() + "/accounts/acc/devices/revoke")
                        .header("X-Auth-Email", EMAIL)
                        .header("X-Auth-Key", KEY)
                        .post(RequestBody.create("[\"a\",\"b\"]", MediaType.get("application/json")))
                        .build())
                .execute();

        Envelope envelope = CloudflareJson.envelope().fromJson(response.body().string());
        assertThat(response.code()).isEqualTo(502);
        assertThat(response.header("Location")).isNull();
        assertThat(envelope.errors())
                .extracting(ResponseInfo::message)
                .anySatisfy(m -> assertThat(m).contains(status + ", a redirect"));
        assertThat(envelope.success()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
        assertThat(result.get("failed_ids")).containsExactly("a", "b");
        assertThat(elsewhere.calls()).isEmpty();
        assertThat(elsewhere.wireMock().getAllServeEvents()).isEmpty();
    }
}
