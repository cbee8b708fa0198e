package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.AuthScheme;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.Fault;
import io.regshift.testkit.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

class LegacyRoutingInterceptorTest {
    static final String TOKEN = "tok-7f3a9c2e5b8d1046";
    static final String EMAIL = "secops@acme.example";
    static final String KEY = "gkey-0c9e8d7f6a5b4c3d";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).apiKey(EMAIL, KEY).build();

    /** Another host that still serves the old endpoints: what the interceptor must not touch. */
    @RegisterExtension
    static final FakeCloudflare elsewhere = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN, KEY, EMAIL);

    private static final MediaType JSON = MediaType.get("application/json");
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    /** An app's interface, written for the old endpoint the way apps wrote them. */
    interface DevicesApi {
        @POST("accounts/{account_id}/devices/revoke")
        retrofit2.Call<ResponseBody> revoke(
                @Header("Authorization") String auth, @Path("account_id") String account, @Body List<String> ids);

        @POST("accounts/{account_id}/devices/unrevoke")
        retrofit2.Call<ResponseBody> unrevoke(
                @Header("Authorization") String auth, @Path("account_id") String account, @Body List<String> ids);
    }

    private static OkHttpClient client(LegacyRoutingInterceptor interceptor) {
        return new OkHttpClient.Builder()
                .addInterceptor(interceptor)
                .readTimeout(Duration.ofSeconds(2))
                .build();
    }

    private static LegacyRoutingInterceptor.Builder interceptor() {
        return LegacyRoutingInterceptor.builder().baseUrl(cloudflare.baseUrl()).retryPolicy(QUICK);
    }

    private static DevicesApi api(OkHttpClient http) {
        return new Retrofit.Builder()
                .baseUrl(cloudflare.baseUrl() + "/")
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(CloudflareJson.moshi()))
                .build()
                .create(DevicesApi.class);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "reg-" + i).collect(Collectors.toList());
    }

    private static Response post(OkHttpClient http, String url, String body, String... headers) throws IOException {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.newCall(request.build()).execute();
    }

    private static Envelope envelope(Response response) throws IOException {
        return CloudflareJson.envelope().fromJson(response.body().string());
    }

    @Test
    void anAppsOldRetrofitInterfaceRevokesAndUnrevokesThroughTheReplacement() throws IOException {
        DevicesApi api = api(client(interceptor().build()));
        for (int n : new int[] {1, 200, 1000}) {
            cloudflare.reset();
            List<String> ids = ids(n);

            retrofit2.Response<ResponseBody> revoked =
                    api.revoke("Bearer " + TOKEN, "acc", ids).execute();

            assertThat(revoked.code()).as("%d IDs", n).isEqualTo(200);
            assertThat(CloudflareJson.envelope()
                            .fromJson(revoked.body().string())
                            .success())
                    .isTrue();
            assertThat(cloudflare.revokedIds("acc")).as("%d IDs", n).hasSize(n).containsAll(ids);
            assertThat(cloudflare.calls(Route.LEGACY_REVOKE)).isEmpty();
            assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE)).hasSize((n + 199) / 200);

            retrofit2.Response<ResponseBody> unrevoked = api.unrevoke(
                            "Bearer " + TOKEN, "acc", ids.subList(0, n / 2 + 1))
                    .execute();

            assertThat(unrevoked.code()).isEqualTo(200);
            assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(ids.subList(n / 2 + 1, n));
        }
    }

    @Test
    void forwardsBothAuthSchemesAndAddsNone() throws IOException {
        OkHttpClient http = client(interceptor().build());
        String url = cloudflare.baseUrl() + "/accounts/acc/devices/revoke";

        Response withKey = post(http, url, "[\"a\"]", "X-Auth-Email", EMAIL, "X-Auth-Key", KEY, "X-Request-Id", "r-1");
        Response withNone = post(http, url, "[\"b\"]");

        assertThat(withKey.code()).isEqualTo(200);
        RecordedCall keyCall = cloudflare.calls().get(0);
        assertThat(keyCall.authScheme()).isEqualTo(AuthScheme.API_KEY);
        assertThat(keyCall.header("X-Request-Id")).hasValue("r-1");
        assertThat(keyCall.header("Content-Type")).isEmpty();
        assertThat(keyCall.body()).isEmpty();
        assertThat(withNone.code()).isEqualTo(403);
        assertThat(envelope(withNone).success()).isFalse();
        assertThat(cloudflare.calls().get(1).authScheme()).isEqualTo(AuthScheme.NONE);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void requestsToOtherHostsAndPathsPassThroughUntouched() throws IOException {
        OkHttpClient http = client(interceptor().build());

        Response other = post(
                http,
                elsewhere.baseUrl() + "/accounts/acc/devices/revoke",
                "[\"x\",\n \"y\"]",
                "Authorization",
                "Bearer " + TOKEN);
        Response replacement = post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=z",
                "",
                "Authorization",
                "Bearer " + TOKEN);
        Response physical = post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/physical-devices/d1/revoke",
                "{\"k\":1}",
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(other.code()).isEqualTo(200);
        assertThat(elsewhere.calls()).singleElement().satisfies(c -> {
            assertThat(c.route()).isEqualTo(Route.LEGACY_REVOKE);
            assertThat(new String(c.body(), StandardCharsets.UTF_8)).isEqualTo("[\"x\",\n \"y\"]");
        });
        assertThat(replacement.code()).isEqualTo(200);
        assertThat(physical.code()).isEqualTo(404);
        assertThat(new String(cloudflare.calls().get(1).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"k\":1}");
        assertThat(cloudflare.revokedIds("acc")).containsExactly("z");
    }

    @Test
    void recoversFromEachFaultKind() throws IOException {
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(interceptor().build())
                .readTimeout(Duration.ofMillis(400))
                .build();
        List<Fault> faults = List.of(
                Fault.rateLimited(Duration.ZERO).times(2),
                Fault.serverError(502).times(2),
                Fault.serverError(503).times(2),
                Fault.serverError(504).times(2),
                Fault.connectionReset().times(2),
                Fault.latency(Duration.ofSeconds(2)).times(1));
        for (Fault fault : faults) {
            cloudflare.reset();
            cloudflare.inject(fault);

            Response response = post(
                    http,
                    cloudflare.baseUrl() + "/accounts/acc/devices/revoke",
                    idsJson(ids(300)),
                    "Authorization",
                    "Bearer " + TOKEN);

            assertThat(response.code()).as(fault.toString()).isEqualTo(200);
            assertThat(cloudflare.revokedIds("acc")).as(fault.toString()).hasSize(300);
        }
    }

    @Test
    void aBatchThatKeepsFailingIsReportedWithExactlyItsIds() throws IOException {
        cloudflare.inject(Fault.serverError(500).whenIdPresent("reg-250"));
        List<String> ids = ids(500);

        Response response = post(
                client(interceptor().build()),
                cloudflare.baseUrl() + "/accounts/acc/devices/revoke",
                idsJson(ids),
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(response.code()).isEqualTo(500);
        Envelope envelope = envelope(response);
        assertThat(envelope.success()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
        assertThat(result.get("failed_ids")).isEqualTo(ids.subList(200, 400));
        List<String> revoked = new ArrayList<>(ids.subList(0, 200));
        revoked.addAll(ids.subList(400, 500));
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(revoked);
        assertThat(envelope.errors())
                .extracting(e -> e.code())
                .contains(ErrorCodes.NOT_ALL_IDS_DONE, ErrorCodes.UPSTREAM_CODE_BELOW_1000);
    }

    @Test
    void badBodiesAreAnswered400AndNothingIsSent() throws IOException {
        OkHttpClient http = client(interceptor().build());
        String url = cloudflare.baseUrl() + "/accounts/acc/devices/revoke";
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of(
                "not json",
                "{\"ids\":[\"a\"]}",
                "[1,2]",
                "[null]",
                "[[\"a\"]]",
                "[]",
                "[\"a\\r\\nb\"]",
                "[\"a/b\"]",
                "[\"..\"]")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'});
        bodies.add(("[\"" + "x".repeat(10 * 1024 * 1024) + "\"]").getBytes(StandardCharsets.UTF_8));

        for (byte[] body : bodies) {
            Response response = http.newCall(new Request.Builder()
                            .url(url)
                            .header("Authorization", "Bearer " + TOKEN)
                            .post(RequestBody.create(body, JSON))
                            .build())
                    .execute();
            assertThat(response.code()).isEqualTo(400);
            Envelope envelope = envelope(response);
            assertThat(envelope.success()).isFalse();
            assertThat(envelope.errors().get(0).code()).isGreaterThanOrEqualTo(1000);
            assertThat(envelope.errors().get(0).message()).isNotBlank();
        }
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void idsThatNeedEncodingTravelIntactAndBadAccountsAreRefused() throws IOException {
        OkHttpClient http = client(interceptor().build());
        List<String> odd = List.of("a&id=b", "x=y", "100%", "frag#ment", "with space", "été", "日本", "p+q");

        Response ok = post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/revoke",
                CloudflareJson.moshi().adapter(List.class).toJson(odd),
                "Authorization",
                "Bearer " + TOKEN);
        Response badAccount = post(
                http,
                cloudflare.baseUrl() + "/accounts/a%0D%0Ab/devices/revoke",
                "[\"x\"]",
                "Authorization",
                "Bearer " + TOKEN);
        Response dots = post(
                http,
                cloudflare.baseUrl() + "/accounts/x%2E%2Ey/devices/revoke",
                "[\"x\"]",
                "Authorization",
                "Bearer " + TOKEN);
        Response slash = post(
                http,
                cloudflare.baseUrl() + "/accounts/a%2Fb/devices/revoke",
                "[\"x\"]",
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(ok.code()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(odd);
        assertThat(List.of(badAccount.code(), dots.code(), slash.code())).containsOnly(400);
        assertThat(envelope(badAccount).errors().get(0).code()).isEqualTo(ErrorCodes.INVALID_IDENTIFIER);
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void failModeThrowsNamingTheEndpointReplacementAndEndOfLife() {
        List<MigrationEvent> events = new ArrayList<>();
        OkHttpClient http = client(interceptor()
                .mode(LegacyRoutingInterceptor.Mode.FAIL)
                .listener(events::add)
                .build());

        assertThatThrownBy(() -> post(http, cloudflare.baseUrl() + "/accounts/acc/devices/unrevoke", "[\"a\"]"))
                .isInstanceOf(DeprecatedEndpointException.class)
                .hasMessageContaining("POST /accounts/{account_id}/devices/unrevoke")
                .hasMessageContaining("POST /accounts/{account_id}/devices/registrations/unrevoke")
                .hasMessageContaining("2025-11-11");
        assertThat(cloudflare.calls()).isEmpty();
        assertThat(events)
                .singleElement()
                .extracting(MigrationEvent::outcome)
                .isEqualTo(MigrationEvent.Outcome.BLOCKED);
    }

    @Test
    void theListenerHearsOfEveryDeprecatedCallAndNothingElse() throws IOException {
        List<MigrationEvent> events = new ArrayList<>();
        OkHttpClient http = client(interceptor().listener(events::add).build());

        post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/revoke",
                idsJson(ids(3)),
                "Authorization",
                "Bearer " + TOKEN);
        post(http, cloudflare.baseUrl() + "/accounts/acc/devices/revoke", "[7]", "Authorization", "Bearer " + TOKEN);
        post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=q",
                "",
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(events)
                .extracting(e -> e.deprecation().id() + " " + e.idCount() + " " + e.outcome())
                .containsExactly("revoke 3 ROUTED", "revoke 0 REJECTED");
    }

    @Test
    void theEventOfARoutedCallCountsItsIdsAndTheUpstreamErrorsOfItsReplacementCalls() throws IOException {
        cloudflare.inject(Fault.serverError(500).whenIdPresent("reg-250"));
        List<MigrationEvent> events = new ArrayList<>();
        OkHttpClient http = client(interceptor().listener(events::add).build());

        post(
                http,
                cloudflare.baseUrl() + "/accounts/acc/devices/revoke",
                idsJson(ids(500)),
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(MigrationEvent.Outcome.FAILED);
            assertThat(event.idCount()).isEqualTo(500);
            assertThat(event.succeededIds()).isEqualTo(300);
            assertThat(event.failedIds()).isEqualTo(200);
            assertThat(event.upstreamErrors()).containsExactly(MigrationEvent.UpstreamError.SERVER_ERROR);
        });
    }

    @Test
    void theDefaultListenerWarnsOncePerEndpointWithoutIdsOrCredentials() throws IOException {
        OkHttpClient http = client(LegacyRoutingInterceptor.builder()
                .baseUrl(cloudflare.baseUrl())
                .retryPolicy(QUICK)
                .build());
        int before = CapturedLogs.lines().size();

        for (int i = 0; i < 3; i++) {
            post(
                    http,
                    cloudflare.baseUrl() + "/accounts/acc/devices/unrevoke",
                    "[\"secret-id-" + i + "\"]",
                    "Authorization",
                    "Bearer " + TOKEN);
        }

        List<String> lines =
                CapturedLogs.lines().subList(before, CapturedLogs.lines().size());
        assertThat(lines.stream()
                        .filter(l -> l.startsWith("WARN io.regshift.adapter") && l.contains("devices/unrevoke")))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(CapturedLogs.lines())
                .anyMatch(l -> l.startsWith("WARN io.regshift.adapter")
                        && l.contains("POST /accounts/{account_id}/devices/unrevoke")
                        && l.contains("POST /accounts/{account_id}/devices/registrations/unrevoke"));
        assertThat(lines)
                .filteredOn(l -> l.startsWith("DEBUG io.regshift.adapter"))
                .hasSize(3)
                .allMatch(l -> l.contains("ROUTED with 1 IDs"));
        assertThat(CapturedLogs.lines()).noneMatch(l -> l.contains("secret-id-"));
    }

    static String idsJson(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
