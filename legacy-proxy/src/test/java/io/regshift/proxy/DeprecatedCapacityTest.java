package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.core.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deprecated calls have a capacity of their own: slow callers and a hanging upstream fill it, not
 * the server, so health checks and pass-through requests keep being served and a call over the
 * capacity is turned away at once with 503 and {@code Retry-After}. A body that does not arrive
 * within the body timeout, however steadily it trickles, gets 408 and gives its place back.
 *
 * <p>The upstream is a stub that holds a replacement call sent with {@code X-Hold} until the test
 * releases it, and answers everything else at once.
 */
class DeprecatedCapacityTest {
    static final String ENVELOPE = HeldUpstream.ENVELOPE;
    static final Pattern IN_FLIGHT = Pattern.compile("(?m)^regshift_proxy_deprecated_calls_in_flight (\\d+)$");

    HeldUpstream upstream;
    LegacyProxy proxy;

    @BeforeEach
    void startUpstream() {
        upstream = new HeldUpstream(headers -> headers.containsKey("X-Hold"), 1);
    }

    @AfterEach
    void stop() {
        upstream.release();
        if (proxy != null) {
            proxy.close();
        }
        upstream.close();
    }

    LegacyProxy proxy(int capacity, Duration bodyTimeout) {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(upstream.baseUrl())
                .maxDeprecatedCalls(capacity)
                .bodyTimeout(bodyTimeout)
                .accessLog(line -> {})
                .start();
        return proxy;
    }

    URI revokeUrl() {
        return URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke");
    }

    /** A revoke whose body has begun but will not end: its head and the first byte of a 64-byte body. */
    Socket tricklingRevoke() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /client/v4/accounts/acc/devices/revoke HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n[")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** Waits until the proxy's metrics show this many deprecated calls being served. */
    void awaitDeprecatedInFlight(int n) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Matcher m = IN_FLIGHT.matcher(Http.text(Http.get(URI.create(proxy.uri() + "/__regshift/metrics"))));
            assertThat(m.find()).as("the in-flight gauge of deprecated calls").isTrue();
            if (Integer.parseInt(m.group(1)) == n) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("deprecated calls in flight never reached " + n)
                    .isLessThan(giveUp);
            Thread.onSpinWait();
        }
    }

    @Test
    void aFullCapacityTurnsAwayDeprecatedCallsWhileHealthAndPassThroughServe() throws Exception {
        proxy(2, Duration.ofMinutes(5));
        try (Socket trickling = tricklingRevoke()) {
            awaitDeprecatedInFlight(1);
            CompletableFuture<HttpResponse<byte[]>> hanging = Http.CLIENT.sendAsync(
                    Http.request(revokeUrl(), "Content-Type", "application/json", "X-Hold", "yes")
                            .POST(HttpRequest.BodyPublishers.ofString("[\"reg-1\"]"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            upstream.awaitHeld();
            awaitDeprecatedInFlight(2);

            HttpResponse<byte[]> health = Http.get(URI.create(proxy.uri() + "/__regshift/health"));
            HttpResponse<byte[]> passThrough = Http.get(URI.create(proxy.baseUrl() + "/zones"));
            HttpResponse<byte[]> overCapacity = Http.postJson(revokeUrl(), "[\"reg-2\"]");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(passThrough.statusCode()).isEqualTo(200);
            assertThat(Http.text(passThrough)).isEqualTo(ENVELOPE);
            assertThat(overCapacity.statusCode()).isEqualTo(503);
            assertThat(overCapacity.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            Envelope envelope = Http.envelope(overCapacity);
            assertThat(envelope.success()).isFalse();
            assertThat(envelope.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCodes.BUSY);
                assertThat(e.message()).contains("deprecated calls", "nothing was sent");
            });

            upstream.release();
            assertThat(hanging.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTurnedAwayCallIsCountedAsBusy() throws Exception {
        proxy(1, Duration.ofMinutes(5));
        try (Socket trickling = tricklingRevoke()) {
            awaitDeprecatedInFlight(1);

            assertThat(Http.postJson(revokeUrl(), "[\"reg-2\"]").statusCode()).isEqualTo(503);

            assertThat(Http.text(Http.get(URI.create(proxy.uri() + "/__regshift/metrics"))))
                    .contains("regshift_proxy_deprecated_calls_total{endpoint=\"revoke\",outcome=\"busy\"} 1\n");
        }
    }

    @Test
    void aBodyTricklingPastTheBodyTimeoutGets408AndFreesItsPlace() throws Exception {
        proxy(1, Duration.ofMillis(300));
        String answer;
        try (Socket trickling = tricklingRevoke()) {
            answer = trickleUntilAnswered(trickling);
        }

        assertThat(answer).startsWith("HTTP/1.1 408 ");
        assertThat(answer).containsIgnoringCase("connection: close");
        assertThat(answer).contains("\"code\":" + ErrorCodes.BODY_TIMEOUT, "body timeout");
        HttpResponse<byte[]> next = Http.postJson(revokeUrl(), "[\"reg-3\"]");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(Http.envelope(next).success()).isTrue();
    }

    /**
     * Sends one more space of the body (valid JSON whitespace) each time 20 ms pass without an
     * answer, so the connection is never idle; returns the answer, read to the end.
     */
    static String trickleUntilAnswered(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(20);
        for (int sent = 1; sent < 63; ) {
            try {
                int first = in.read();
                socket.setSoTimeout(30_000);
                return (char) first + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException quiet) {
                out.write(' ');
                out.flush();
                sent++;
            }
        }
        throw new AssertionError("the whole body was sent and no answer came before it");
    }
}
