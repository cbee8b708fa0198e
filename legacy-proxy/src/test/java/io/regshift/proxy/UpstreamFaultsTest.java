package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.Fault;
import io.regshift.testkit.RecordedCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the testkit injects, on both routes: a deprecated call's replacement calls are
 * retried where the retry policy says so, and otherwise the failure is reported, IDs and all; the
 * answer is never a success unless Cloudflare accepted every ID. Pass-through requests are never
 * retried (the proxy can't know they are idempotent); their failures become 502 or 504 envelopes.
 */
class UpstreamFaultsTest {
    static final String TOKEN = "tok-4a7d29e0b5c3f816";
    static final Duration UPSTREAM_TIMEOUT = Duration.ofMillis(500);
    /** Well beyond the upstream timeout: a held answer always times out. */
    static final Duration SLOW = Duration.ofSeconds(3);

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN);

    static final RetryPolicy QUICK = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .retryPolicy(QUICK)
                .upstreamTimeout(UPSTREAM_TIMEOUT)
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    static URI url(LegacyProxy proxy, String path) {
        return URI.create(proxy.baseUrl() + path);
    }

    static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "reg-" + i).collect(Collectors.toList());
    }

    static HttpResponse<byte[]> revoke(List<String> ids) {
        return Http.postJson(
                url(proxy, "/accounts/acc/devices/revoke"), Http.jsonArray(ids), "Authorization", "Bearer " + TOKEN);
    }

    /**
     * The answer accounts for every ID and matches what Cloudflare did: a 200 only when all were
     * revoked; otherwise the IDs it calls succeeded are revoked, and none it calls failed is missing
     * from the answer.
     */
    @SuppressWarnings("unchecked")
    static void assertReportedExactly(HttpResponse<byte[]> response, List<String> ids) {
        Envelope envelope = Http.envelope(response);
        Set<String> revoked = cloudflare.revokedIds("acc");
        if (response.statusCode() == 200) {
            assertThat(envelope.success()).isTrue();
            assertThat(revoked).containsExactlyInAnyOrderElementsOf(ids);
            return;
        }
        assertThat(envelope.success()).isFalse();
        Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
        List<String> succeeded = result.get("succeeded_ids");
        List<String> failed = result.get("failed_ids");
        List<String> all = new ArrayList<>(succeeded);
        all.addAll(failed);
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(failed).isNotEmpty();
        assertThat(revoked).containsAll(succeeded);
    }

    static Stream<Arguments> retriedFaults() {
        return Stream.of(
                Arguments.of(Fault.rateLimited(Duration.ZERO).times(2), 3),
                Arguments.of(Fault.serverError(502).times(1), 2),
                Arguments.of(Fault.serverError(503).times(2), 3),
                Arguments.of(Fault.serverError(504).times(1), 2),
                Arguments.of(Fault.connectionReset().times(2), 3),
                Arguments.of(Fault.latency(SLOW).times(1), 2));
    }

    @ParameterizedTest
    @MethodSource("retriedFaults")
    void aPassingFaultIsRetriedAndTheCallSucceeds(Fault fault, int attempts) {
        cloudflare.inject(fault);

        HttpResponse<byte[]> response = revoke(ids(3));

        assertThat(response.statusCode()).isEqualTo(200);
        assertReportedExactly(response, ids(3));
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE)).hasSize(attempts);
    }

    static Stream<Arguments> lastingFaults() {
        return Stream.of(
                Arguments.of(Fault.rateLimited(Duration.ZERO), 429, 3, ErrorCodes.UPSTREAM_CODE_BELOW_1000),
                Arguments.of(Fault.serverError(503), 503, 3, ErrorCodes.UPSTREAM_CODE_BELOW_1000),
                Arguments.of(Fault.serverError(500), 500, 1, ErrorCodes.UPSTREAM_CODE_BELOW_1000),
                Arguments.of(Fault.serverError(501), 501, 1, ErrorCodes.UPSTREAM_CODE_BELOW_1000),
                Arguments.of(Fault.connectionReset(), 502, 3, ErrorCodes.UPSTREAM_UNREACHABLE),
                Arguments.of(Fault.latency(SLOW), 504, 3, ErrorCodes.UPSTREAM_UNREACHABLE));
    }

    @ParameterizedTest
    @MethodSource("lastingFaults")
    void aLastingFaultIsReportedWithEveryIdAsFailed(Fault fault, int status, int attempts, int code) {
        cloudflare.inject(fault);

        HttpResponse<byte[]> response = revoke(ids(3));

        assertThat(response.statusCode()).isEqualTo(status);
        Envelope envelope = Http.envelope(response);
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors()).extracting(ResponseInfo::code).containsExactly(ErrorCodes.NOT_ALL_IDS_DONE, code);
        assertThat(envelope.result()).isEqualTo(Map.of("succeeded_ids", List.of(), "failed_ids", ids(3)));
        assertReportedExactly(response, ids(3));
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE)).hasSize(attempts);
    }

    @Test
    void aSlowUpstreamGetsTheCallerA504EnvelopeOnTheDeprecatedRoute() {
        cloudflare.inject(Fault.latency(SLOW));

        HttpResponse<byte[]> response = revoke(ids(2));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(Http.envelope(response).errors()).last().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.UPSTREAM_UNREACHABLE);
            assertThat(e.message()).contains("after 3 attempts").containsIgnoringCase("timeout");
        });
    }

    @Test
    void onePartOfABatchedCallFailingIsReportedForItsIdsOnly() {
        List<String> ids = ids(450);
        cloudflare.inject(Fault.serverError(500).whenIdPresent("reg-300"));

        HttpResponse<byte[]> response = revoke(ids);

        assertThat(response.statusCode()).isEqualTo(500);
        assertReportedExactly(response, ids);
        assertThat(cloudflare.revokedIds("acc"))
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(ids.subList(0, 200).stream(), ids.subList(400, 450).stream())
                                .toList());
        @SuppressWarnings("unchecked")
        List<String> failed =
                ((Map<String, List<String>>) Http.envelope(response).result()).get("failed_ids");
        assertThat(failed).containsExactlyElementsOf(ids.subList(200, 400));
    }

    @Test
    void randomFaultsNeverProduceAFalseSuccess() {
        for (int round = 0; round < 20; round++) {
            cloudflare.reset();
            cloudflare.inject(Fault.serverError(500).onFraction(0.1));
            cloudflare.inject(Fault.connectionReset().onFraction(0.2));
            cloudflare.inject(Fault.rateLimited(Duration.ZERO).onFraction(0.2));
            List<String> ids = ids(5 + round * 40);

            assertReportedExactly(revoke(ids), ids);
        }
    }

    @Test
    void aPassThroughRequestIsNotRetriedAndItsErrorAnswerPassesThrough() {
        cloudflare.inject(Fault.serverError(503).times(1));

        HttpResponse<byte[]> response = Http.get(url(proxy, "/zones"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Http.envelope(response).errors())
                .extracting(ResponseInfo::code)
                .containsExactly(503);
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void aRateLimitOnPassThroughReachesTheAppWithItsRetryAfter() {
        cloudflare.inject(Fault.rateLimited(Duration.ofSeconds(7)).times(1));

        HttpResponse<byte[]> response = Http.get(url(proxy, "/zones"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void aResetConnectionOnPassThroughGetsA502Envelope() {
        cloudflare.inject(Fault.connectionReset().times(1));

        HttpResponse<byte[]> response = Http.get(url(proxy, "/zones"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Http.envelope(response).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.UPSTREAM_UNREACHABLE);
            assertThat(e.message()).startsWith("the upstream could not be reached");
        });
        assertThat(cloudflare.calls()).extracting(RecordedCall::status).containsExactly(0);
    }

    @Test
    void aSlowUpstreamGetsTheCallerA504EnvelopeOnPassThrough() {
        cloudflare.inject(Fault.latency(SLOW).times(1));

        HttpResponse<byte[]> response = Http.get(url(proxy, "/zones"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Envelope envelope = Http.envelope(response);
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.UPSTREAM_UNREACHABLE);
            assertThat(e.message())
                    .isEqualTo("the upstream did not answer within 500 ms (the proxy's upstream timeout)");
        });
    }

    @Test
    void anUnreachableUpstreamGets502EnvelopesOnBothRoutes() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LegacyProxy nowhere = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream("http://127.0.0.1:" + closedPort + "/client/v4")
                .retryPolicy(QUICK)
                .start()) {
            HttpResponse<byte[]> passThrough = Http.get(url(nowhere, "/zones"), "Authorization", "Bearer " + TOKEN);
            HttpResponse<byte[]> routed = Http.postJson(
                    url(nowhere, "/accounts/acc/devices/revoke"), "[\"reg-1\"]", "Authorization", "Bearer " + TOKEN);

            assertThat(passThrough.statusCode()).isEqualTo(502);
            assertThat(Http.envelope(passThrough).errors())
                    .extracting(ResponseInfo::code)
                    .containsExactly(ErrorCodes.UPSTREAM_UNREACHABLE);
            assertThat(routed.statusCode()).isEqualTo(502);
            Envelope envelope = Http.envelope(routed);
            assertThat(envelope.errors())
                    .extracting(ResponseInfo::code)
                    .containsExactly(ErrorCodes.NOT_ALL_IDS_DONE, ErrorCodes.UPSTREAM_UNREACHABLE);
            assertThat(envelope.result()).isEqualTo(Map.of("succeeded_ids", List.of(), "failed_ids", List.of("reg-1")));
        }
    }
}
