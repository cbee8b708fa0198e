package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.core.CloudflareJson;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping lets the requests in flight finish, within a bound. The upstream here is a stub that
 * holds every answer until the test releases it, so "in flight" and "stop requested" happen in a
 * known order without sleeping.
 */
class GracefulShutdownTest {
    static final String ENVELOPE = HeldUpstream.ENVELOPE;

    HeldUpstream upstream;

    @BeforeEach
    void startUpstream() {
        upstream = new HeldUpstream(headers -> true, 2);
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    LegacyProxy proxy(Duration shutdownTimeout) {
        return LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(upstream.baseUrl())
                .shutdownTimeout(shutdownTimeout)
                .accessLog(line -> {})
                .start();
    }

    static CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request) {
        return Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Returns once the proxy refuses new connections: its graceful stop has begun. */
    static void awaitListenerClosed(int port) {
        while (true) {
            try {
                new Socket("127.0.0.1", port).close();
                Thread.onSpinWait();
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void requestsInFlightWhenStopIsRequestedComplete() throws Exception {
        LegacyProxy proxy = proxy(Duration.ofSeconds(60));
        URI base = proxy.baseUrl();
        CompletableFuture<HttpResponse<byte[]>> passThrough =
                sendAsync(Http.request(URI.create(base + "/zones")).GET().build());
        CompletableFuture<HttpResponse<byte[]>> routed = sendAsync(
                Http.request(URI.create(base + "/accounts/acc/devices/revoke"), "Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[\"reg-1\"]"))
                        .build());
        upstream.awaitHeld();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(proxy::close);
        awaitListenerClosed(proxy.port());
        assertThat(passThrough).isNotDone();
        assertThat(routed).isNotDone();
        assertThat(stopped).isNotDone();
        upstream.release();

        assertThat(passThrough.get().statusCode()).isEqualTo(200);
        assertThat(Http.text(passThrough.get())).isEqualTo(ENVELOPE);
        assertThat(routed.get().statusCode()).isEqualTo(200);
        assertThat(Http.envelope(routed.get()).success()).isTrue();
        stopped.get();
    }

    @Test
    void theWaitIsBoundedByTheShutdownTimeout() throws Exception {
        LegacyProxy proxy = proxy(Duration.ofMillis(200));
        CompletableFuture<HttpResponse<byte[]>> held = sendAsync(
                Http.request(URI.create(proxy.baseUrl() + "/zones")).GET().build());
        CompletableFuture<HttpResponse<byte[]>> heldToo = sendAsync(Http.request(
                        URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
                        "Content-Type",
                        "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[\"reg-1\"]"))
                .build());
        upstream.awaitHeld();

        proxy.close(); // returns although the upstream never answers

        // Neither app is told its call succeeded: the connection is cut, or the answer is an error.
        for (CompletableFuture<HttpResponse<byte[]>> request : java.util.List.of(held, heldToo)) {
            try {
                assertThat(request.get(60, TimeUnit.SECONDS).statusCode()).isGreaterThanOrEqualTo(500);
            } catch (ExecutionException cut) {
                assertThat(cut.getCause()).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void duringTheDrainARequestOnAnOpenConnectionGets503AndTheConnectionCloses() throws Exception {
        LegacyProxy proxy = proxy(Duration.ofSeconds(60));
        try (Socket open = new Socket("127.0.0.1", proxy.port())) {
            open.setSoTimeout(30_000);
            assertThat(exchange(open, proxy).status()).isEqualTo(200);
            CompletableFuture<HttpResponse<byte[]>> passThrough = sendAsync(
                    Http.request(URI.create(proxy.baseUrl() + "/zones")).GET().build());
            CompletableFuture<HttpResponse<byte[]>> routed = sendAsync(Http.request(
                            URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
                            "Content-Type",
                            "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[\"reg-1\"]"))
                    .build());
            upstream.awaitHeld();

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(proxy::close);
            awaitListenerClosed(proxy.port());
            Http.Raw draining = exchange(open, proxy);

            assertThat(draining.status()).isEqualTo(503);
            assertThat(draining.headers()).containsEntry("connection", "close");
            assertThat(CloudflareJson.envelope().fromJson(draining.text()).errors())
                    .singleElement()
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.SHUTTING_DOWN));
            assertThat(open.getInputStream().read())
                    .as("the connection is closed after the 503")
                    .isEqualTo(-1);
            assertThat(stopped).isNotDone();
            upstream.release();
            assertThat(passThrough.get().statusCode()).isEqualTo(200);
            assertThat(routed.get().statusCode()).isEqualTo(200);
            stopped.get();
        }
    }

    /** One health check on an open keep-alive connection: its answer, read to the end of its body. */
    static Http.Raw exchange(Socket socket, LegacyProxy proxy) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /__regshift/health HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed before a complete answer: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Http.Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    @Test
    void closingTwiceIsHarmless() {
        LegacyProxy proxy = proxy(Duration.ofSeconds(1));
        proxy.close();
        proxy.close();
        assertThat(proxy.warnings()).isEmpty();
    }
}
