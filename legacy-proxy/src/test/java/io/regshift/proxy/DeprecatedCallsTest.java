package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;
import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.AuthScheme;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.RecordedCall;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The app calls the deprecated endpoints through the proxy; the fake sees only their replacements. */
class DeprecatedCallsTest {
    static final String TOKEN = "tok-6d1f0c9b2a7e4538";
    static final String EMAIL = "secops@acme.example";
    static final String KEY = "gkey-93b1c07d5e2f8a64";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).apiKey(EMAIL, KEY).build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN, KEY, EMAIL);

    static final RetryPolicy QUICK = RetryPolicy.builder()
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
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    static URI url(String path) {
        return URI.create(proxy.baseUrl() + path);
    }

    static HttpResponse<byte[]> revoke(String account, String json, String... headers) {
        return Http.postJson(url("/accounts/" + account + "/devices/revoke"), json, headers);
    }

    static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    @Test
    void revokeIsRoutedToTheReplacementWithTheCallersToken() {
        HttpResponse<byte[]> response = revoke("acc", "[\"reg-1\",\"reg-2\"]", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.envelope(response)).isEqualTo(Envelope.success(null));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Regshift-Routed-To"))
                .hasValue("POST /accounts/{account_id}/devices/registrations/revoke (1 calls)");
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("reg-1", "reg-2");
        assertThat(cloudflare.calls(Route.LEGACY_REVOKE)).isEmpty();
        List<RecordedCall> calls = cloudflare.calls(Route.REGISTRATIONS_REVOKE);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.ids()).containsExactly("reg-1", "reg-2");
            assertThat(call.authScheme()).isEqualTo(AuthScheme.API_TOKEN);
            assertThat(call.header("Authorization")).hasValue("Bearer " + TOKEN);
            assertThat(call.body()).isEmpty();
        });
    }

    @Test
    void unrevokeIsRoutedToTheReplacement() {
        cloudflare.givenRevoked("acc", "reg-1", "reg-2", "reg-3");

        HttpResponse<byte[]> response = Http.postJson(
                url("/accounts/acc/devices/unrevoke"), "[\"reg-1\",\"reg-3\"]", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.envelope(response).success()).isTrue();
        assertThat(cloudflare.revokedIds("acc")).containsExactly("reg-2");
        assertThat(cloudflare.calls(Route.REGISTRATIONS_UNREVOKE))
                .singleElement()
                .satisfies(call -> assertThat(call.ids()).containsExactly("reg-1", "reg-3"));
        assertThat(cloudflare.calls(Route.LEGACY_UNREVOKE)).isEmpty();
    }

    @Test
    void theLegacyKeyPairIsForwardedAsSent() {
        HttpResponse<byte[]> response = revoke("acc", "[\"reg-1\"]", "X-Auth-Email", EMAIL, "X-Auth-Key", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("reg-1");
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE)).singleElement().satisfies(call -> {
            assertThat(call.authScheme()).isEqualTo(AuthScheme.API_KEY);
            assertThat(call.header("X-Auth-Email")).hasValue(EMAIL);
            assertThat(call.header("X-Auth-Key")).hasValue(KEY);
        });
    }

    @Test
    void theProxyAddsNoCredentialsSoAnUnauthenticatedCallFailsWithCloudflaresAnswer() {
        HttpResponse<byte[]> response = revoke("acc", "[\"reg-1\",\"reg-2\"]");

        assertThat(response.statusCode()).isEqualTo(403);
        Envelope envelope = Http.envelope(response);
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors())
                .extracting(ResponseInfo::code)
                .containsExactly(ErrorCodes.NOT_ALL_IDS_DONE, 10000);
        assertThat(envelope.result())
                .isEqualTo(Map.of("succeeded_ids", List.of(), "failed_ids", List.of("reg-1", "reg-2")));
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE))
                .singleElement()
                .satisfies(call -> assertThat(call.authScheme()).isEqualTo(AuthScheme.NONE));
    }

    @Test
    void manyIdsAreDeduplicatedAndBatchedLikeTheAdapter() {
        List<String> ids = ids("reg-", 450);
        List<String> withDuplicates = new java.util.ArrayList<>(ids);
        withDuplicates.addAll(ids.subList(0, 10));

        HttpResponse<byte[]> response =
                revoke("acc", Http.jsonArray(withDuplicates), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE))
                .extracting(call -> call.ids().size())
                .containsExactly(200, 200, 50);
        assertThat(response.headers().firstValue("Regshift-Routed-To"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("(3 calls)"));
    }

    @Test
    void idsThatNeedEncodingArriveIntact() {
        List<String> ids = List.of("a&id=b", "plus+sign", "per%cent", "sp ace", "ünï", "hash#");

        HttpResponse<byte[]> response = revoke("acc", Http.jsonArray(ids), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{\"ids\":[\"a\"]}",
                "[1,2]",
                "[]",
                "[\"a\",null]",
                "[[\"a\"]]",
                "\"a\"",
                "null",
                "[\"a\"",
                "[\"\"]"
            })
    void aBodyThatIsNotAnArrayOfIdsIsRefusedAndNothingIsSent(String body) {
        HttpResponse<byte[]> response = revoke("acc", body, "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        Envelope envelope = Http.envelope(response);
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_BODY);
            assertThat(e.message()).startsWith("the request body must be a JSON array of registration ID strings");
        });
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] body = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};

        HttpResponse<byte[]> response = Http.post(
                url("/accounts/acc/devices/revoke"),
                body,
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.envelope(response).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not valid UTF-8"));
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void idsOrAccountsThatCantBeSentSafelyAreRefused() {
        HttpResponse<byte[]> badId = revoke("acc", "[\"ok\",\"../other\"]", "Authorization", "Bearer " + TOKEN);
        HttpResponse<byte[]> badAccount = revoke("a%2F..%2Fb", "[\"ok\"]", "Authorization", "Bearer " + TOKEN);

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(Http.envelope(badId).errors())
                .extracting(ResponseInfo::code)
                .containsExactly(ErrorCodes.INVALID_BODY);
        assertThat(badAccount.statusCode()).isEqualTo(400);
        assertThat(Http.envelope(badAccount).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_IDENTIFIER);
            assertThat(e.message()).contains("account ID");
        });
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAndTheProxyKeepsServing() {
        byte[] body = new byte[(1 << 20) + 1];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy("[\"a\"]".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 5);

        HttpResponse<byte[]> response = Http.post(
                url("/accounts/acc/devices/revoke"),
                body,
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.envelope(response).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_BODY);
            assertThat(e.message()).contains("larger than 1048576 bytes");
        });
        assertThat(cloudflare.calls()).isEmpty();

        assertThat(revoke("acc", "[\"reg-1\"]", "Authorization", "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("reg-1");
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() {
        byte[] body = new byte[1 << 20];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy("[\"a\"]".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 5);

        HttpResponse<byte[]> response = Http.post(
                url("/accounts/acc/devices/revoke"),
                body,
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void onlyPostIsTranslatedOtherMethodsPassThrough() {
        HttpResponse<byte[]> response =
                Http.get(url("/accounts/acc/devices/revoke"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(cloudflare.calls(Route.LEGACY_REVOKE))
                .singleElement()
                .satisfies(call -> assertThat(call.method()).isEqualTo("GET"));
        assertThat(cloudflare.calls(Route.REGISTRATIONS_REVOKE)).isEmpty();
    }

    @Test
    void theNonDeprecatedNeighboursAreNotRerouted() {
        HttpResponse<byte[]> replacement = Http.post(
                url("/accounts/acc/devices/registrations/revoke?id=reg-9"),
                new byte[0],
                "Authorization",
                "Bearer " + TOKEN);
        HttpResponse<byte[]> physical = Http.postJson(
                url("/accounts/acc/devices/physical-devices/dev-1/revoke"), "[]", "Authorization", "Bearer " + TOKEN);

        assertThat(replacement.statusCode()).isEqualTo(200);
        assertThat(replacement.headers().firstValue("Regshift-Routed-To")).isEmpty();
        assertThat(cloudflare.revokedIds("acc")).containsExactly("reg-9");
        assertThat(physical.statusCode()).isEqualTo(404);
        assertThat(cloudflare.calls())
                .extracting(RecordedCall::route)
                .containsExactly(Route.REGISTRATIONS_REVOKE, Route.OTHER);
    }

    @Test
    void aRedirectOfTheReplacementCallIsAFailureOfItsIdsAndIsNotFollowed() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        HttpServer otherHost = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        otherHost.createContext("/", exchange -> {
            elsewhere.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otherHost.start();
        try {
            String location = "http://127.0.0.2:" + otherHost.getAddress().getPort()
                    + "/client/v4/accounts/acc/devices/registrations/revoke?id=reg-1";
            cloudflare
                    .wireMock()
                    .stubFor(WireMock.post(
                                    WireMock.urlPathEqualTo("/client/v4/accounts/acc/devices/registrations/revoke"))
                            .willReturn(WireMock.aResponse()
                                    .withStatus(307)
                                    .withHeader("Location", location)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":null}")));

            HttpResponse<byte[]> response = revoke("acc", "[\"reg-1\",\"reg-2\"]", "Authorization", "Bearer " + TOKEN);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            Envelope envelope = Http.envelope(response);
            assertThat(envelope.success()).isFalse();
            assertThat(envelope.result())
                    .isEqualTo(Map.of("succeeded_ids", List.of(), "failed_ids", List.of("reg-1", "reg-2")));
            assertThat(envelope.errors())
                    .extracting(ResponseInfo::message)
                    .anySatisfy(m -> assertThat(m).contains("307", "redirect"));
            assertThat(elsewhere).hasValue(0);
        } finally {
            cloudflare.removeCustomStubs();
            otherHost.stop(0);
        }
    }
}
