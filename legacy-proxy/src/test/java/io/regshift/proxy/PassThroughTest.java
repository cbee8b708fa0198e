package io.regshift.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything that is not a deprecated call reaches the upstream as the app sent it, and back. */
class PassThroughTest {
    static final String TOKEN = "tok-1b8e5f03c7a94d26";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN);

    static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @BeforeEach
    void clearJournal() {
        cloudflare.wireMock().resetRequests();
    }

    @AfterEach
    void removeStubs() {
        cloudflare.removeCustomStubs();
    }

    static URI url(String pathAndQuery) {
        return URI.create(proxy.baseUrl() + pathAndQuery);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The one request the upstream's WireMock received. */
    static LoggedRequest onlyRequest() {
        List<ServeEvent> events = cloudflare.wireMock().getAllServeEvents();
        assertThat(events).hasSize(1);
        return events.get(0).getRequest();
    }

    @Test
    void aGetArrivesAsSentAndItsAnswerComesBackByteIdentical() {
        byte[] answer = randomBytes(64 * 1024, 1);
        cloudflare
                .wireMock()
                .stubFor(get(urlPathMatching("/client/v4/zones.*"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/octet-stream")
                                .withHeader("X-Upstream", "fake")
                                .withBody(answer)));

        HttpResponse<byte[]> response =
                Http.get(url("/zones?page=2&per_page=50"), "Authorization", "Bearer " + TOKEN, "X-Custom", "kept");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(answer);
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("fake");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/client/v4/zones?page=2&per_page=50");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("X-Custom")).isEqualTo("kept");
        assertThat(request.getHeader("Host")).isEqualTo("127.0.0.1:" + cloudflare.port());
        assertThat(request.getHeader("Via")).isEqualTo("1.1 regshift");
        assertThat(request.containsHeader("Forwarded")).isFalse();
        assertThat(request.containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void aPostBodyArrivesByteIdentical() {
        byte[] body = randomBytes(300 * 1024, 2);
        cloudflare
                .wireMock()
                .stubFor(post(urlEqualTo("/client/v4/accounts/acc/workers/scripts/s1/content"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"success\":true}")));

        HttpResponse<byte[]> response = Http.post(
                url("/accounts/acc/workers/scripts/s1/content"),
                body,
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/octet-stream");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Http.text(response)).isEqualTo("{\"success\":true}");
        LoggedRequest request = onlyRequest();
        assertThat(request.getBody()).isEqualTo(body);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void largeBodiesStreamBothWays() {
        byte[] up = randomBytes(8 << 20, 3);
        byte[] down = randomBytes(8 << 20, 4);
        cloudflare
                .wireMock()
                .stubFor(post(urlEqualTo("/client/v4/accounts/acc/r2/buckets/b/objects/big"))
                        .willReturn(aResponse().withStatus(200).withBody(down)));

        HttpResponse<byte[]> response = Http.post(
                url("/accounts/acc/r2/buckets/b/objects/big"), up, "Content-Type", "application/octet-stream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(down);
        assertThat(onlyRequest().getBody()).isEqualTo(up);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/accounts/acc/storage/kv/namespaces/ns/values/a%2Fb%20c%25d%E2%9C%93",
                "/accounts/acc/storage/kv/namespaces/ns/values/k?x=a%26b&y=a+b&z=%2B&empty=&flag&u=%E2%9C%93&eq=%3D%3D",
                "/zones?match=all&name=ex%61mple.com&order=name&direction=desc&per_page=5&page=1",
                "/zones/z1/dns_records?name.contains=a%20b&comment.startswith=%22x%22&tag=k:v&tag=k2:v2",
                "/accounts/acc/rules/lists/l1/items?cursor=abc%3D%3D&search=1.2.3.4%2F24",
                "/accounts/acc/items/it'(e)*m!~,;$@:x?q=it'(e)*m!~,;$@:/?x",
                "/accounts//double//slashes/",
            })
    void pathsAndQueryStringsArriveWithTheirPercentEncodingIntact(String pathAndQuery) {
        cloudflare
                .wireMock()
                .stubFor(any(urlPathMatching("/client/v4/.*"))
                        .willReturn(aResponse().withStatus(200).withBody("ok")));

        HttpResponse<byte[]> response = Http.get(url(pathAndQuery), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(onlyRequest().getUrl()).isEqualTo("/client/v4" + pathAndQuery);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE", "OPTIONS"})
    void everyMethodPassesThroughWithItsBody(String method) {
        cloudflare
                .wireMock()
                .stubFor(any(urlEqualTo("/client/v4/zones/z1/settings/ssl"))
                        .willReturn(aResponse().withStatus(200).withBody(method)));
        byte[] body = ("{\"value\":\"" + method + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response =
                Http.send(Http.request(url("/zones/z1/settings/ssl"), "Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());

        assertThat(Http.text(response)).isEqualTo(method);
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo(method);
        assertThat(request.getBody()).isEqualTo(body);
    }

    @Test
    void headRequestsPassThrough() {
        cloudflare
                .wireMock()
                .stubFor(any(urlEqualTo("/client/v4/zones"))
                        .willReturn(aResponse().withStatus(200).withHeader("X-Total", "7")));

        HttpResponse<byte[]> response = Http.send(Http.request(url("/zones"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total")).hasValue("7");
        assertThat(onlyRequest().getMethod().value()).isEqualTo("HEAD");
    }

    @Test
    void hopByHopHeadersStayBetweenTheAppAndTheProxy() {
        cloudflare
                .wireMock()
                .stubFor(get(urlEqualTo("/client/v4/user"))
                        .willReturn(aResponse().withStatus(200).withBody("me")));

        Http.Raw response = Http.raw(
                proxy.port(),
                String.join(
                        "\r\n",
                        "GET /client/v4/user HTTP/1.1",
                        "Host: 127.0.0.1:" + proxy.port(),
                        "Authorization: Bearer " + TOKEN,
                        "Connection: X-Hop",
                        "X-Hop: only-for-the-proxy",
                        "Keep-Alive: timeout=5",
                        "TE: trailers",
                        "Proxy-Authorization: Basic cHJveHk6c2VjcmV0",
                        "X-End-To-End: kept"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("me");
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("X-End-To-End")).isEqualTo("kept");
        assertThat(request.getAllHeaderKeys())
                .map(String::toLowerCase)
                .doesNotContain("x-hop", "keep-alive", "te", "proxy-authorization");
    }

    @Test
    void theProxyAddsNoUserAgentOfItsOwn() {
        cloudflare
                .wireMock()
                .stubFor(get(urlEqualTo("/client/v4/user"))
                        .willReturn(aResponse().withStatus(200)));

        Http.Raw response = Http.raw(proxy.port(), "GET /client/v4/user HTTP/1.1\r\nHost: localhost:" + proxy.port());

        assertThat(response.status()).isEqualTo(200);
        assertThat(onlyRequest().containsHeader("User-Agent")).isFalse();
    }

    @Test
    void redirectsAreHandedToTheAppNotFollowed() {
        cloudflare
                .wireMock()
                .stubFor(get(urlEqualTo("/client/v4/moved"))
                        .willReturn(aResponse()
                                .withStatus(302)
                                .withHeader("Location", "http://elsewhere.invalid/client/v4/x")));

        HttpResponse<byte[]> response = Http.get(url("/moved"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("http://elsewhere.invalid/client/v4/x");
        assertThat(cloudflare.wireMock().getAllServeEvents()).hasSize(1);
    }

    @Test
    void theUpstreamsErrorAnswersPassThroughUnchanged() {
        HttpResponse<byte[]> response = Http.get(url("/zones/nope"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.text(response))
                .isEqualTo(
                        "{\"errors\":[{\"code\":7003,\"message\":\"Could not route to /client/v4/zones/nope, perhaps your object"
                                + " identifier is invalid?\"}],\"messages\":[],\"result\":null,\"success\":false}");
        assertThat(cloudflare.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.route()).isEqualTo(Route.OTHER));
    }
}
