package io.regshift.proxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An upstream stub on loopback that answers every call with a success envelope, holding the calls
 * it is told to hold until the test releases them, so that "in flight" is a state a test can
 * reach without a clock.
 */
final class HeldUpstream implements AutoCloseable {
    static final String ENVELOPE = "{\"errors\":[],\"messages\":[],\"result\":null,\"success\":true}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Predicate<Headers> holds;
    private final CountDownLatch held;
    private final CountDownLatch release = new CountDownLatch(1);

    /** Holds the calls whose request headers {@code holds} accepts; {@link #awaitHeld} waits for {@code count}. */
    HeldUpstream(Predicate<Headers> holds, int count) {
        this.holds = holds;
        this.held = new CountDownLatch(count);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/client/v4/", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
    }

    void awaitHeld() throws InterruptedException {
        held.await();
    }

    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (holds.test(exchange.getRequestHeaders())) {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
