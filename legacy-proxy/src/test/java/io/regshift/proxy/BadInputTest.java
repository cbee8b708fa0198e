package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import io.regshift.testkit.FakeCloudflare;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the proxy must not forward get a clear 4xx envelope, nothing reaches the upstream, and
 * the proxy goes on serving: the follow-up revoke in each test succeeds.
 */
class BadInputTest {
    static final String TOKEN = "tok-8c2e6a1f9d0b4753";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN);

    static LegacyProxy proxy;
    static String self;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .start();
        self = "127.0.0.1:" + proxy.port();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @BeforeEach
    void clearJournal() {
        cloudflare.wireMock().resetRequests();
    }

    static Http.Raw raw(String head) {
        return Http.raw(proxy.port(), head);
    }

    static Envelope envelope(Http.Raw response) {
        try {
            return CloudflareJson.envelope().fromJson(response.text());
        } catch (IOException e) {
            throw new AssertionError("not an envelope: " + response.text(), e);
        }
    }

    /** A 4xx envelope with this status and code; nothing reached the upstream; the proxy still serves. */
    static void assertRefused(Http.Raw response, int status, int code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        Envelope envelope = envelope(response);
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.message()).isNotBlank();
        });
        assertNothingForwarded();
        assertKeepsServing();
    }

    static void assertNothingForwarded() {
        assertThat(cloudflare.calls()).isEmpty();
        assertThat(cloudflare.wireMock().getAllServeEvents()).isEmpty();
    }

    static void assertKeepsServing() {
        var followUp = Http.postJson(
                URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
                "[\"after\"]",
                "Authorization",
                "Bearer " + TOKEN);
        assertThat(followUp.statusCode()).isEqualTo(200);
        assertThat(cloudflare.revokedIds("acc")).contains("after");
    }

    @Test
    void anAbsoluteUriNamingAnotherHostIsMisdirected() {
        Http.Raw response =
                raw("GET http://example.org/client/v4/zones HTTP/1.1\r\nHost: example.org\r\nAuthorization: Bearer "
                        + TOKEN);

        assertRefused(response, 421, ErrorCodes.MISDIRECTED);
        assertThat(envelope(response).errors().get(0).message())
                .startsWith("this proxy forwards only to " + cloudflare.baseUrl());
    }

    /** The library serves embedders too: its answers speak of no command line's flags. */
    @Test
    void theMisdirectedAnswerNamesNoFlag() {
        Http.Raw response =
                raw("GET http://example.org/client/v4/zones HTTP/1.1\r\nHost: example.org\r\nAuthorization: Bearer "
                        + TOKEN);

        assertThat(envelope(response).errors().get(0).message())
                .contains("allowed hosts")
                .doesNotContain("--");
    }

    @Test
    void anAbsoluteHttpsUriAsToAForwardProxyIsMisdirected() {
        Http.Raw response = raw("POST https://api.cloudflare.com/client/v4/accounts/acc/devices/revoke HTTP/1.1\r\n"
                + "Host: api.cloudflare.com\r\nContent-Type: application/json\r\nContent-Length: 7\r\nAuthorization: Bearer "
                + TOKEN
                + "\r\n\r\n[\"x\"]  ".stripTrailing());

        assertThat(response.status()).isEqualTo(421);
        assertNothingForwarded();
        assertKeepsServing();
    }

    @Test
    void anAbsoluteUriWhoseHostHeaderDisagreesIsRefused() {
        Http.Raw response = raw("GET http://example.org/client/v4/zones HTTP/1.1\r\nHost: " + self);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(envelope(response).success()).isFalse();
        assertNothingForwarded();
        assertKeepsServing();
    }

    @Test
    void anAbsoluteUriNamingTheProxyItselfIsServed() {
        Http.Raw response = raw("GET http://" + self + "/client/v4/zones HTTP/1.1\r\nHost: " + self);

        assertThat(response.status()).isEqualTo(404); // the fake's answer for /zones: it was forwarded
        assertThat(cloudflare.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.url()).isEqualTo("/client/v4/zones"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "api.cloudflare.com",
                "127.0.0.2",
                "localhost.evil.example:" + 80,
                "10.0.0.1:8787"
            })
    void aHostHeaderNamingAnotherHostIsMisdirected(String host) {
        Http.Raw response =
                raw("GET /client/v4/zones HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN);

        assertRefused(response, 421, ErrorCodes.MISDIRECTED);
    }

    @Test
    void aForgedHostHeaderOnADeprecatedCallSendsNothing() {
        Http.Raw response = Http.raw(
                proxy.port(),
                "POST /client/v4/accounts/acc/devices/revoke HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 7\r\nAuthorization: Bearer " + TOKEN,
                "[\"x-1\"]".getBytes(StandardCharsets.US_ASCII));

        assertRefused(response, 421, ErrorCodes.MISDIRECTED);
        assertThat(cloudflare.revokedIds("acc")).doesNotContain("x-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:8080", "127.0.0.1", "[::1]:1234"})
    void theProxysOwnNamesAreAccepted(String host) {
        Http.Raw response = raw("GET /client/v4/zones HTTP/1.1\r\nHost: " + host);

        assertThat(response.status()).isEqualTo(404); // the fake's answer: forwarded
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void aHeaderFloodIsRefused() {
        String flood = IntStream.range(0, 2_000)
                .mapToObj(i -> "X-Flood-" + i + ": " + i)
                .collect(Collectors.joining("\r\n"));

        Http.Raw response = raw("GET /client/v4/zones HTTP/1.1\r\nHost: " + self + "\r\n" + flood);

        assertRefused(response, 431, ErrorCodes.HEADERS_TOO_LARGE);
    }

    @Test
    void oneHugeHeaderIsRefused() {
        Http.Raw response = raw("GET /client/v4/zones HTTP/1.1\r\nHost: " + self + "\r\nCookie: " + "c".repeat(20_000));

        assertRefused(response, 431, ErrorCodes.HEADERS_TOO_LARGE);
    }

    @Test
    void anOverlongRequestLineIsRefused() {
        Http.Raw response = raw("GET /client/v4/zones?q=" + "q".repeat(20_000) + " HTTP/1.1\r\nHost: " + self);

        assertThat(response.status()).isIn(414, 431);
        assertThat(envelope(response).success()).isFalse();
        assertNothingForwarded();
        assertKeepsServing();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CONNECT api.cloudflare.com:443 HTTP/1.1\r\nHost: api.cloudflare.com:443",
                "TRACE /client/v4/zones HTTP/1.1\r\nHost: localhost"
            })
    void tunnelsAndTracesAreNotForwarded(String head) {
        assertRefused(raw(head), 405, ErrorCodes.METHOD_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/zones", "/client/v40/zones", "/client", "/admin/client/v4/zones"})
    void pathsOutsideTheApiPrefixAreNotForwarded(String path) {
        Http.Raw response = raw("GET " + path + " HTTP/1.1\r\nHost: " + self);

        assertRefused(response, 404, ErrorCodes.NOT_FOUND);
        assertThat(envelope(response).errors().get(0).message()).contains("/client/v4/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/client/v4/../admin",
                "/client/v4/zones/../../x",
                "/client/v4/zones/%2e%2e/x",
                "/client/v4/./zones",
                "/client/v4/zones/%2E/x",
                "/client/v4/zones/..;x/y"
            })
    void dotSegmentsAreNotForwarded(String path) {
        Http.Raw response = raw("GET " + path + " HTTP/1.1\r\nHost: " + self);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(envelope(response).success()).isFalse();
        assertNothingForwarded();
        assertKeepsServing();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GARBAGE",
                "GET /client/v4/zones HTTP/1.1\r\nHost: " + "a" + "\r\nHost: b",
                "POST /client/v4/zones HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked",
                "GET /client/v4/zo nes HTTP/1.1\r\nHost: localhost",
                "GET /client/v4/zones HTTP/1.1\r\nHost: localhost\r\nBad Header: x",
            })
    void malformedRequestsAreRefused(String head) {
        Http.Raw response = raw(head);

        assertThat(response.status()).isEqualTo(400);
        Envelope envelope = envelope(response);
        assertThat(envelope.errors()).extracting(ResponseInfo::code).containsExactly(ErrorCodes.BAD_REQUEST);
        assertNothingForwarded();
        assertKeepsServing();
    }
}
