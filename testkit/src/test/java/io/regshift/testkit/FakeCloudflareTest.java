package io.regshift.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.testkit.FakeCloudflare.AuthScheme;
import io.regshift.testkit.FakeCloudflare.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeCloudflareTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .apiToken("tok")
            .apiKey("ops@example.com", "key-1")
            .build();

    private static final HttpClient http = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String pathAndQuery, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> revoke(String account, String query) throws IOException, InterruptedException {
        return post(
                "/accounts/" + account + "/devices/registrations/revoke?" + query, null, "Authorization", "Bearer tok");
    }

    @Test
    void replacementRevokeRecordsTheIdsAndAnswersWithASuccessEnvelope() throws Exception {
        HttpResponse<String> response = revoke("acc", "id=a&id=b");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":true").contains("\"errors\":[]");
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "b");
        assertThat(cloudflare.revokedIds("other")).isEmpty();
    }

    @Test
    void queryValuesArePercentDecodedOneIdPerParameter() throws Exception {
        revoke("acc", "id=a%26id%3Db&id=sp+ace&id=%C3%A9t%C3%A9&id=p%2Bq");

        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a&id=b", "sp ace", "été", "p+q");
        assertThat(cloudflare.calls().get(0).ids()).containsExactly("a&id=b", "sp ace", "été", "p+q");
    }

    @Test
    void unrevokeRemovesOnlyTheGivenIds() throws Exception {
        cloudflare.givenRevoked("acc", "a", "b", "c");

        HttpResponse<String> response =
                post("/accounts/acc/devices/registrations/unrevoke?id=a&id=c", null, "Authorization", "Bearer tok");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("b");
    }

    @Test
    void replacementWithoutIdsIsA400() throws Exception {
        HttpResponse<String> response = revoke("acc", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"success\":false").contains("1002");
    }

    @Test
    void apiKeyPairIsAccepted() throws Exception {
        HttpResponse<String> response = post(
                "/accounts/acc/devices/registrations/revoke?id=x",
                null,
                "X-Auth-Email",
                "ops@example.com",
                "X-Auth-Key",
                "key-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cloudflare.calls().get(0).authScheme()).isEqualTo(AuthScheme.API_KEY);
    }

    @Test
    void missingOrWrongCredentialsAre403AndChangeNothing() throws Exception {
        HttpResponse<String> none = post("/accounts/acc/devices/registrations/revoke?id=x", null);
        HttpResponse<String> wrongToken =
                post("/accounts/acc/devices/registrations/revoke?id=x", null, "Authorization", "Bearer nope");
        HttpResponse<String> wrongKey = post(
                "/accounts/acc/devices/registrations/revoke?id=x",
                null,
                "X-Auth-Email",
                "ops@example.com",
                "X-Auth-Key",
                "key-2");

        assertThat(List.of(none.statusCode(), wrongToken.statusCode(), wrongKey.statusCode()))
                .containsOnly(403);
        assertThat(none.body()).contains("10000").contains("Authentication error");
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
        assertThat(cloudflare.calls().get(0).authScheme()).isEqualTo(AuthScheme.NONE);
    }

    @Test
    void legacyEndpointsAreGoneByDefault() throws Exception {
        HttpResponse<String> response = post("/accounts/acc/devices/revoke", "[\"a\"]", "Authorization", "Bearer tok");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false").contains("end of life");
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
        assertThat(cloudflare.calls(Route.LEGACY_REVOKE)).hasSize(1);
    }

    @Test
    void oldGetEndpointsAreGoneByDefaultAndNameTheirReplacements() {
        cloudflare.givenRegistrations(
                "acc", FakeRegistration.builder("r1", "d1").build());

        for (String path : List.of(
                "/accounts/acc/devices", "/accounts/acc/devices/r1", "/accounts/acc/devices/r1/override_codes")) {
            HttpResponse<String> response = Http.get(cloudflare, path, "Authorization", "Bearer tok");

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .contains("\"success\":false")
                    .contains("1404")
                    .contains("end of life")
                    .contains("/devices/registrations");
        }
        assertThat(cloudflare.calls())
                .extracting(RecordedCall::route)
                .containsExactly(Route.LEGACY_DEVICES_LIST, Route.LEGACY_DEVICE_GET, Route.LEGACY_OVERRIDE_CODES);
    }

    @Test
    void unknownRoutesAndMethodsAreAnsweredWithErrorEnvelopes() throws Exception {
        HttpResponse<String> unknown = post("/accounts/acc/devices/physical-devices/d1/revoke", null);
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(
                                URI.create(cloudflare.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("7003");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndChangesNothing() throws Exception {
        cloudflare.inject(Fault.rateLimited(Duration.ofMillis(1500)).times(1));

        HttpResponse<String> limited = revoke("acc", "id=a");
        HttpResponse<String> next = revoke("acc", "id=a");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(cloudflare.calls().get(0).fault()).isPresent();
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void serverErrorOnTheNthRequestOnly() throws Exception {
        cloudflare.inject(Fault.serverError(503).onRequest(2));

        List<Integer> statuses = List.of(
                revoke("acc", "id=a").statusCode(),
                revoke("acc", "id=b").statusCode(),
                revoke("acc", "id=c").statusCode());

        assertThat(statuses).containsExactly(200, 503, 200);
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void connectionResetGivesTheClientNoResponse() {
        cloudflare.inject(Fault.connectionReset());

        assertThatThrownBy(() -> revoke("acc", "id=a")).isInstanceOf(IOException.class);
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
        assertThat(cloudflare.calls().get(0).status()).isZero();
    }

    @Test
    void latencyHoldsTheResponseButServesTheRequest() {
        cloudflare.inject(Fault.latency(Duration.ofSeconds(5)));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(cloudflare.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a"))
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer tok")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void faultCanTargetTheCallsCarryingOneId() throws Exception {
        cloudflare.inject(Fault.serverError(500).whenIdPresent("poison"));

        assertThat(revoke("acc", "id=a&id=poison").statusCode()).isEqualTo(500);
        assertThat(revoke("acc", "id=b").statusCode()).isEqualTo(200);
        assertThat(revoke("acc", "id=poison").statusCode()).isEqualTo(500);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("b");
    }

    @Test
    void fractionOfRequestsIsSeededAndPartial() throws Exception {
        cloudflare.inject(Fault.serverError(502).onFraction(0.5));

        List<Integer> first = statusesOf(40);
        cloudflare.reset();
        cloudflare.inject(Fault.serverError(502).onFraction(0.5));
        List<Integer> again = statusesOf(40);

        assertThat(first).contains(200, 502);
        assertThat(again).isEqualTo(first);
    }

    private static List<Integer> statusesOf(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> {
                    try {
                        return revoke("acc", "id=x" + i).statusCode();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .collect(Collectors.toList());
    }

    @Test
    void ownStubsTakePrecedenceOverTheFakesRoutes() throws Exception {
        cloudflare
                .wireMock()
                .stubFor(get(urlEqualTo("/client/v4/user/tokens/verify"))
                        .willReturn(aResponse().withStatus(200).withBody("ok")));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + "/user/tokens/verify"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void removeCustomStubsKeepsTheFakesRoutes() throws Exception {
        cloudflare
                .wireMock()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                        .willReturn(aResponse().withStatus(418)));
        assertThat(revoke("acc", "id=a").statusCode()).isEqualTo(418);

        cloudflare.removeCustomStubs();

        assertThat(revoke("acc", "id=a").statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).containsExactly("a");
    }

    @Test
    void anEmptyIdIsRefused() throws Exception {
        HttpResponse<String> response = revoke("acc", "id=a&id=");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
    }

    @Test
    void journalRecordsRouteAccountIdsAndHeaders() throws Exception {
        revoke("acc%20one", "id=a");

        RecordedCall call = cloudflare.calls().get(0);
        assertThat(call.sequence()).isEqualTo(1);
        assertThat(call.route()).isEqualTo(Route.REGISTRATIONS_REVOKE);
        assertThat(call.accountId()).hasValue("acc one");
        assertThat(call.ids()).containsExactly("a");
        assertThat(call.header("authorization")).hasValue("Bearer tok");
        assertThat(call.authScheme()).isEqualTo(AuthScheme.API_TOKEN);
        assertThat(call.status()).isEqualTo(200);
    }
}
