package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.Catalog;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interceptor's less travelled paths: pass-through, no answer, bad configuration, the default instance. */
class LegacyInterceptorPathsTest {
    private static final String TOKEN = "tok-2b8e6f0a4c9d1357";
    private static final MediaType JSON = MediaType.get("application/json");

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private final List<MigrationEvent> events = new ArrayList<>();

    private OkHttpClient client() {
        return new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .baseUrl(cloudflare.baseUrl())
                        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                        .listener(events::add)
                        .build())
                .build();
    }

    private static Request.Builder request(String path) {
        return new Request.Builder().url(cloudflare.baseUrl() + path).header("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void aGetPassesThroughUnchanged() throws IOException {
        try (Response response = client().newCall(
                        request("/accounts/acc/devices/revoke").get().build())
                .execute()) {
            assertThat(response.header("Regshift-Routed-To")).isNull();
        }
        assertThat(cloudflare.calls()).hasSize(1);
        assertThat(cloudflare.calls().get(0).route()).isEqualTo(FakeCloudflare.Route.LEGACY_REVOKE);
        assertThat(events).isEmpty();
    }

    @Test
    void anUnreachableUpstreamIsA502NamingTheFailure() throws IOException {
        cloudflare.inject(Fault.connectionReset());

        try (Response response = client().newCall(request("/accounts/acc/devices/revoke")
                        .post(RequestBody.create("[\"a\"]", JSON))
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(502);
            Envelope envelope =
                    CloudflareJson.envelope().fromJson(response.body().string());
            assertThat(envelope.errors()).extracting(ResponseInfo::code).contains(ErrorCodes.UPSTREAM_UNREACHABLE);
        }
        assertThat(events).extracting(MigrationEvent::outcome).containsExactly(MigrationEvent.Outcome.FAILED);
    }

    @Test
    void anEventLastsNoLongerThanTheCallItDescribes() throws IOException {
        long before = System.nanoTime();
        try (Response response = client().newCall(request("/accounts/acc/devices/revoke")
                        .post(RequestBody.create("[\"a\"]", JSON))
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        Duration around = Duration.ofNanos(System.nanoTime() - before);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).duration()).isBetween(Duration.ZERO, around);
    }

    @Test
    void aBodyIsTakenFromTheApplicationOnlyUpToTheLimit() throws IOException {
        long[] written = new long[1];
        RequestBody endless = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                // Stops by itself after 32 MiB, so a reader without a limit still ends.
                for (int i = 0; i < 512; i++) {
                    sink.write(chunk);
                    written[0] += chunk.length;
                }
            }
        };

        try (Response response = client().newCall(
                        request("/accounts/acc/devices/revoke").post(endless).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(400);
        }
        assertThat(written[0]).isLessThanOrEqualTo(LegacyTranslation.MAX_BODY_BYTES + 64 * 1024);
    }

    @Test
    void failModeNamesTheDeprecationInItsException() {
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .baseUrl(cloudflare.baseUrl())
                        .mode(LegacyRoutingInterceptor.Mode.FAIL)
                        .listener(events::add)
                        .build())
                .build();

        assertThatThrownBy(() -> http.newCall(request("/accounts/acc/devices/unrevoke")
                                .post(RequestBody.create("[\"a\"]", JSON))
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        DeprecatedEndpointException.class,
                        e -> assertThat(e.deprecation())
                                .isEqualTo(Catalog.standard().require("unrevoke")));
    }

    @Test
    void aBaseUrlThatIsNotAUrlIsRefusedWithoutShowingUserInfo() {
        assertThatThrownBy(() -> LegacyRoutingInterceptor.builder().baseUrl("not a url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base URL is not an http or https URL: not a url");
        assertThatThrownBy(() -> LegacyRoutingInterceptor.builder().baseUrl("ftp://user:secret@host/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void theDefaultInterceptorRoutesCloudflaresOwnBaseUrl() {
        assertThat(LegacyRoutingInterceptor.create())
                .hasToString("LegacyRoutingInterceptor{ROUTE, [" + HttpUrl.get(Catalog.DEFAULT_BASE_URL) + "]}");
        assertThat(LegacyTranslation.create().baseUrls()).containsExactly(HttpUrl.get(Catalog.DEFAULT_BASE_URL));
    }

    @Test
    void theLoggingListenerSaysWhetherTheCallWasBlockedOrRouted() {
        new LoggingListener()
                .onDeprecatedCall(new MigrationEvent(
                        Catalog.standard().require("revoke"), 1, MigrationEvent.Outcome.BLOCKED, Duration.ZERO));
        assertThat(lastWarning()).contains("regshift blocked it");

        new LoggingListener()
                .onDeprecatedCall(new MigrationEvent(
                        Catalog.standard().require("revoke"), 1, MigrationEvent.Outcome.ROUTED, Duration.ZERO));
        assertThat(lastWarning()).contains("regshift routed it");
    }

    private static String lastWarning() {
        List<String> warnings = CapturedLogs.lines().stream()
                .filter(l -> l.contains("This application called"))
                .collect(java.util.stream.Collectors.toList());
        return warnings.get(warnings.size() - 1);
    }

    @Test
    void a3xxWhoseBodySaysSuccessIsStillNotSuccess() {
        LegacyTranslation translation = LegacyTranslation.create();
        LegacyCall call = translation
                .recognise("POST", HttpUrl.get(Catalog.DEFAULT_BASE_URL + "/accounts/a/devices/revoke"))
                .orElseThrow();
        LegacyPlan plan = translation.plan(call, "[\"x\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        LegacyResponse answer = translation.respond(
                call, List.of(ReplacementOutcome.answered(plan.calls().get(0), 300, Envelope.success(null), 1)));

        assertThat(answer.failedIds()).containsExactly("x");
        assertThat(answer.envelope().success()).isFalse();
    }
}
