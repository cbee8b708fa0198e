package io.regshift.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.AuthScheme;
import io.regshift.testkit.Fault;
import io.regshift.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrationsClientTest {
    private static final String TOKEN = "token-1234567890";

    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .apiKey("ops@example.com", "global-key-1")
            .build();

    /** Fast retries, so the tests wait milliseconds rather than seconds. */
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    private static RegistrationsClient.Builder client() {
        return RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .retryPolicy(QUICK);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "reg-" + i).collect(Collectors.toList());
    }

    @Test
    void revokesWithAnApiTokenThroughTheReplacementEndpoint() {
        RegistrationsResult result = client().build().revoke("acc", List.of("a", "b"));

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.succeededIds()).containsExactly("a", "b");
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "b");
        RecordedCall call = cloudflare.calls().get(0);
        assertThat(call.route()).isEqualTo(FakeCloudflare.Route.REGISTRATIONS_REVOKE);
        assertThat(call.authScheme()).isEqualTo(AuthScheme.API_TOKEN);
        assertThat(call.body()).isEmpty();
        assertThat(call.header("User-Agent"))
                .hasValueSatisfying(ua -> assertThat(ua).startsWith("regshift/"));
    }

    @Test
    void unrevokesWithTheEmailAndGlobalKey() {
        cloudflare.givenRevoked("acc", "a", "b", "c");

        RegistrationsResult result = client().credentials(Credentials.apiKey("ops@example.com", "global-key-1"))
                .build()
                .unrevoke("acc", List.of("a", "c"));

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.operation()).isEqualTo("unrevoke");
        assertThat(cloudflare.revokedIds("acc")).containsExactly("b");
        RecordedCall call = cloudflare.calls().get(0);
        assertThat(call.route()).isEqualTo(FakeCloudflare.Route.REGISTRATIONS_UNREVOKE);
        assertThat(call.header("X-Auth-Email")).hasValue("ops@example.com");
        assertThat(call.header("X-Auth-Key")).hasValue("global-key-1");
        assertThat(call.header("Authorization")).isEmpty();
    }

    @Test
    void batchesOneTwoHundredTwoHundredAndOneAndTenThousandIds() {
        RegistrationsClient client = client().build();
        int[][] cases = {{1, 1}, {200, 1}, {201, 2}, {10_000, 50}};
        for (int[] c : cases) {
            cloudflare.reset();
            List<String> ids = ids(c[0]);

            RegistrationsResult result = client.revoke("acc", ids);

            assertThat(result.isSuccess()).as("%d IDs", c[0]).isTrue();
            assertThat(cloudflare.revokedIds("acc")).hasSize(c[0]).containsAll(ids);
            List<RecordedCall> calls = cloudflare.calls();
            assertThat(calls).as("%d IDs", c[0]).hasSize(c[1]);
            assertThat(calls).allSatisfy(call -> assertThat(call.ids().size()).isLessThanOrEqualTo(200));
            assertThat(calls.stream().flatMap(call -> call.ids().stream()).collect(Collectors.toList()))
                    .isEqualTo(ids);
        }
    }

    @Test
    void longIdsAreSplitByUrlLength() {
        List<String> longIds =
                IntStream.range(0, 300).mapToObj(i -> i + "-" + "u".repeat(100)).collect(Collectors.toList());

        RegistrationsResult result = client().build().revoke("acc", longIds);

        assertThat(result.isSuccess()).isTrue();
        assertThat(cloudflare.calls())
                .hasSizeGreaterThan(2)
                .allSatisfy(c -> assertThat(c.url().length()).isLessThan(8192));
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(longIds);
    }

    @Test
    void idsNeedingEncodingTravelWhole() {
        List<String> odd = List.of("a&id=b", "100%", "x#y", "sp ace", "plus+sign", "été", "日本", "q?r", "semi;colon");

        RegistrationsResult result = client().build().revoke("acc 1", odd);

        assertThat(result.isSuccess()).isTrue();
        assertThat(cloudflare.revokedIds("acc 1")).containsExactlyInAnyOrderElementsOf(odd);
    }

    @Test
    void duplicateIdsAreSentOnce() {
        client().build().revoke("acc", List.of("a", "b", "a", "a"));

        assertThat(cloudflare.calls().get(0).ids()).containsExactly("a", "b");
    }

    @Test
    void retriesEachFaultKindAndEndsInTheRightState() {
        List<Fault> faults = List.of(
                Fault.rateLimited(Duration.ZERO).times(2),
                Fault.serverError(502).times(2),
                Fault.serverError(503).times(2),
                Fault.serverError(504).times(2),
                Fault.connectionReset().times(2),
                Fault.latency(Duration.ofSeconds(3)).times(1));
        RegistrationsClient client = client().httpClient(new OkHttpClient.Builder()
                        .readTimeout(Duration.ofMillis(500))
                        .build())
                .build();
        for (Fault fault : faults) {
            cloudflare.reset();
            cloudflare.inject(fault);

            RegistrationsResult result = client.revoke("acc", ids(250));

            assertThat(result.isSuccess()).as(fault.toString()).isTrue();
            assertThat(result.succeededIds()).hasSize(250);
            assertThat(cloudflare.revokedIds("acc")).as(fault.toString()).hasSize(250);
            assertThat(cloudflare.calls().stream().filter(c -> c.fault().isPresent()))
                    .as(fault.toString())
                    .hasSize(fault.kind() == Fault.Kind.LATENCY ? 1 : 2);
        }
    }

    @Test
    void honoursRetryAfter() {
        cloudflare.inject(Fault.rateLimited(Duration.ofSeconds(1)).times(1));

        RegistrationsResult result = client().build().revoke("acc", List.of("a"));

        assertThat(result.isSuccess()).isTrue();
        List<RecordedCall> calls = cloudflare.calls();
        assertThat(calls).hasSize(2);
        // A lower bound on the wait Retry-After asked for, not a performance figure.
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void doesNotWaitForARetryAfterBeyondTheDeadline() {
        cloudflare.inject(Fault.rateLimited(Duration.ofSeconds(30)));
        RetryPolicy shortDeadline =
                QUICK.toBuilder().deadline(Duration.ofSeconds(5)).build();

        RegistrationsResult result = client().retryPolicy(shortDeadline).build().revoke("acc", List.of("a"));

        assertThat(result.isSuccess()).isFalse();
        RegistrationsResult.Failure failure = result.failures().get(0);
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.errors()).extracting(ResponseInfo::code).containsExactly(971);
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsAndReportsTheLastAnswer() {
        cloudflare.inject(Fault.serverError(503));

        RegistrationsResult result = client().retryPolicy(
                        QUICK.toBuilder().maxAttempts(3).build())
                .build()
                .revoke("acc", List.of("a"));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failedIds()).containsExactly("a");
        assertThat(result.failures().get(0).reason()).isEqualTo("HTTP 503 after 3 attempts");
        assertThat(cloudflare.calls()).hasSize(3);
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
    }

    @Test
    void connectionFailuresAreReportedWhenTheyPersist() {
        cloudflare.inject(Fault.connectionReset());

        RegistrationsResult result = client().retryPolicy(
                        QUICK.toBuilder().maxAttempts(2).build())
                .build()
                .revoke("acc", List.of("a"));

        assertThat(result.failures().get(0).httpStatus()).isEmpty();
        assertThat(result.failures().get(0).reason()).startsWith("no response from 127.0.0.1 after 2 attempts");
    }

    @Test
    void aBatchThatKeepsFailingIsReportedAsExactlyItsIds() {
        List<String> ids = ids(600);
        cloudflare.inject(Fault.serverError(500).whenIdPresent("reg-250"));

        RegistrationsResult result = client().build().revoke("acc", ids);

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failedIds()).isEqualTo(ids.subList(200, 400));
        assertThat(result.succeededIds()).isEqualTo(concat(ids.subList(0, 200), ids.subList(400, 600)));
        assertThat(result.failures().get(0).httpStatus()).hasValue(500);
        assertThat(result.failures().get(0).attempts()).isEqualTo(1);
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(result.succeededIds());
    }

    @Test
    void clientErrorsAreNotRetried() {
        RegistrationsResult result =
                client().credentials(Credentials.apiToken("wrong")).build().revoke("acc", List.of("a"));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failures().get(0).httpStatus()).hasValue(403);
        assertThat(result.failures().get(0).errors())
                .extracting(ResponseInfo::code)
                .containsExactly(10000);
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void aSuccessStatusWithSuccessFalseIsAFailure() {
        cloudflare
                .wireMock()
                .stubFor(
                        post(urlPathMatching(".*/registrations/revoke"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withBody(
                                                        "{\"success\":false,\"errors\":[{\"code\":1100,\"message\":\"nope\"}],\"messages\":[],\"result\":null}")));
        try {
            RegistrationsResult result = client().build().revoke("acc", List.of("a"));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.failures().get(0).reason()).isEqualTo("HTTP 200 with success=false");
            assertThat(result.failures().get(0).errors()).containsExactly(ResponseInfo.of(1100, "nope"));
        } finally {
            cloudflare.removeCustomStubs();
        }
    }

    @Test
    void neverFollowsARedirectElsewhere() {
        cloudflare
                .wireMock()
                .stubFor(post(anyUrl())
                        .willReturn(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.1:9/steal")));
        try {
            RegistrationsResult result = client().build().revoke("acc", List.of("a"));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.failures().get(0).httpStatus()).hasValue(307);
        } finally {
            cloudflare.removeCustomStubs();
        }
    }

    @Test
    void aFailingHttpClientLosesOnlyItsBatchNotTheResult() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        OkHttpClient throwsOnSecond = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    if (calls.incrementAndGet() == 2) {
                        throw new IllegalStateException("interceptor bug");
                    }
                    return chain.proceed(chain.request());
                })
                .build();

        RegistrationsResult result = client().httpClient(throwsOnSecond).build().revoke("acc", ids(450));

        assertThat(result.failedIds()).isEqualTo(ids(450).subList(200, 400));
        assertThat(result.succeededIds()).hasSize(250);
        assertThat(result.failures().get(0).reason()).contains("interceptor bug");
        assertThat(cloudflare.revokedIds("acc")).hasSize(250);
    }

    @Test
    void aBuilderCanBeReusedWithoutCarryingOverResolvedDefaults() {
        RegistrationsClient.Builder builder = RegistrationsClient.builder()
                .environment(Map.of("CLOUDFLARE_BASE_URL", cloudflare.baseUrl(), "CLOUDFLARE_API_TOKEN", TOKEN));
        RegistrationsClient first = builder.build();

        RegistrationsClient second =
                builder.environment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN)).build();

        assertThat(first.baseUrl()).isEqualTo(cloudflare.baseUrl());
        assertThat(second.baseUrl()).isEqualTo("https://api.cloudflare.com/client/v4");
    }

    @Test
    void badAccountsAndIdsAreRefusedBeforeAnyRequest() {
        RegistrationsClient client = client().build();

        assertThatThrownBy(() -> client.revoke("../other", List.of("a")))
                .hasMessageContaining("account ID \"../other\"");
        assertThatThrownBy(() -> client.revoke("acc/x", List.of("a"))).hasMessageContaining("path separator");
        assertThatThrownBy(() -> client.revoke(" ", List.of("a"))).hasMessageContaining("blank");
        assertThatThrownBy(() -> client.revoke(".", List.of("a"))).hasMessageContaining("dot segment");
        assertThatThrownBy(() -> client.revoke("acc", List.of("a", "b\r\nc")))
                .hasMessageContaining("registration ID [1]");
        assertThatThrownBy(() -> client.revoke("acc", List.of("ok", ".."))).hasMessageContaining("'..'");
        assertThatThrownBy(() -> client.revoke("acc", List.of())).hasMessageContaining("at least one");
        List<String> lastIsBad = new ArrayList<>(ids(5000));
        lastIsBad.add("");
        assertThatThrownBy(() -> client.revoke("acc", lastIsBad)).hasMessageContaining("registration ID [5000]");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void readsItsSettingsFromTheEnvironmentLikeTheSdks() {
        RegistrationsClient client = RegistrationsClient.builder()
                .environment(Map.of("CLOUDFLARE_BASE_URL", cloudflare.baseUrl(), "CLOUDFLARE_API_TOKEN", TOKEN))
                .build();

        assertThat(client.revoke("acc", List.of("a")).isSuccess()).isTrue();
        assertThat(client.baseUrl()).isEqualTo(cloudflare.baseUrl());
        assertThat(RegistrationsClient.builder()
                        .credentials(Credentials.apiToken("t"))
                        .build()
                        .baseUrl())
                .isEqualTo("https://api.cloudflare.com/client/v4");
    }

    @Test
    void withoutCredentialsTheBuilderSaysWhatToSet() {
        assertThatThrownBy(() -> RegistrationsClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOUDFLARE_API_TOKEN");
    }

    @Test
    void baseUrlsAreChecked() {
        assertThatThrownBy(() -> RegistrationsClient.builder().baseUrl("ftp://x"))
                .hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> RegistrationsClient.builder().baseUrl("https://u:p@api.example.com/v4"))
                .hasMessageContaining("user info")
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> RegistrationsClient.builder().baseUrl("https://api.example.com/v4?x=1"))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> RegistrationsClient.builder().baseUrl("htps://user:s3cret@api.example.com"))
                .hasMessageContaining("not an http or https URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void toStringHidesTheCredentials() {
        assertThat(client().build().toString()).doesNotContain(TOKEN).contains("redacted");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
