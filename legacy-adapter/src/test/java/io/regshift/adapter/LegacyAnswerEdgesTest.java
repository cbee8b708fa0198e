package io.regshift.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an old caller gets back through the interceptor: reason phrases, and bodies at the size limit. */
class LegacyAnswerEdgesTest {
    private static final String TOKEN = "tok-5d1e7c3a9b2f4086";
    private static final MediaType JSON = MediaType.get("application/json");

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private final OkHttpClient http = new OkHttpClient.Builder()
            .addInterceptor(LegacyRoutingInterceptor.builder()
                    .baseUrl(cloudflare.baseUrl())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .listener(event -> {})
                    .build())
            .build();

    @AfterEach
    void removeStubs() {
        cloudflare.removeCustomStubs();
    }

    private Response revoke(RequestBody body) throws IOException {
        return http.newCall(new Request.Builder()
                        .url(cloudflare.baseUrl() + "/accounts/acc/devices/revoke")
                        .header("Authorization", "Bearer " + TOKEN)
                        .post(body)
                        .build())
                .execute();
    }

    @ParameterizedTest
    @CsvSource({
        "401, Unauthorized",
        "403, Forbidden",
        "404, Not Found",
        "429, Too Many Requests",
        "500, HTTP 500",
        "502, Bad Gateway",
        "503, Service Unavailable",
        "504, Gateway Timeout"
    })
    void aFailedReplacementCallReachesTheCallerWithItsStatusAndReasonPhrase(int status, String reason)
            throws IOException {
        cloudflare
                .wireMock()
                .stubFor(
                        post(urlPathMatching(".*/registrations/revoke"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(status)
                                                .withBody(
                                                        "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"no\"}],\"messages\":[],\"result\":null}")));

        try (Response response = revoke(RequestBody.create("[\"a\"]", JSON))) {
            assertThat(response.code()).isEqualTo(status);
            assertThat(response.message()).isEqualTo(reason);
        }
    }

    @Test
    void anAcceptedCallIs200Ok() throws IOException {
        try (Response response = revoke(RequestBody.create("[\"a\"]", JSON))) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.message()).isEqualTo("OK");
        }
    }

    @Test
    void aBodyThatCannotBeTranslatedIs400BadRequest() throws IOException {
        try (Response response = revoke(RequestBody.create("{}", JSON))) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.message()).isEqualTo("Bad Request");
        }
    }

    /** A JSON array of one ID, padded with spaces to exactly {@code size} bytes. */
    private static byte[] bodyOf(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] ids = "[\"a\"]".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(ids, 0, body, 0, ids.length);
        return body;
    }

    /** A body that does not say its length, as a streaming application sends it. */
    private static RequestBody streamed(byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        };
    }

    @Test
    void aBodyOfExactlyTheLimitIsTranslated() throws IOException {
        try (Response response = revoke(RequestBody.create(bodyOf(LegacyTranslation.MAX_BODY_BYTES), JSON))) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void aStreamedBodyOfExactlyTheLimitIsTranslated() throws IOException {
        try (Response response = revoke(streamed(bodyOf(LegacyTranslation.MAX_BODY_BYTES)))) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void aStreamedBodyOneByteOverTheLimitIsRefusedWithoutSendingAnything() throws IOException {
        try (Response response = revoke(streamed(bodyOf(LegacyTranslation.MAX_BODY_BYTES + 1)))) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("larger than " + LegacyTranslation.MAX_BODY_BYTES + " bytes");
        }
        assertThat(cloudflare.calls()).isEmpty();
    }
}
