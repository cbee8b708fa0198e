package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.LegacyCall;
import io.regshift.adapter.LegacyCallHandler;
import io.regshift.adapter.LegacyResponse;
import io.regshift.adapter.LegacyTranslation;
import io.regshift.adapter.MigrationEvent;
import io.regshift.adapter.ReplacementSender;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The proxy's transport for the adapter's {@link LegacyCallHandler}, which serves a deprecated call
 * exactly as it does behind {@link io.regshift.adapter.LegacyRoutingInterceptor} in an OkHttp
 * client: the JSON body of IDs (at most 1 MiB) becomes replacement calls ({@code ?id=a&id=b},
 * batched), each sent to the upstream with the caller's headers, auth included, and retried; the
 * outcomes become one answer in the old envelope shape. A body that can't be translated is answered
 * with 400 and nothing is sent. Here: reading the body from Jetty, the caller's headers as the
 * replacement calls carry them, the client that sends them, and the capacity.
 *
 * <p>Deprecated calls can never starve the server: at most {@code capacity} are served at once
 * (body reading included), the body is read without a thread (Jetty's content demand) and must be
 * complete within the body timeout (else 408), and the replacement calls, which block, run on a
 * pool of their own of {@code capacity} threads. A call over the capacity gets 503 with {@code
 * Retry-After} at once, while health checks and pass-through requests keep their threads. Jetty's
 * {@code QoSHandler} was not used: it queues the excess on the server's threads' behalf rather than
 * refusing it, and its refusal is not this envelope.
 */
final class DeprecatedCalls {
    /** Bytes of an oversized body read and dropped so the caller can read its 400; beyond, the connection closes. */
    private static final long MAX_DRAIN = 8L << 20;

    /**
     * Request headers that describe the caller's connection or its body, not the call: the
     * replacement calls have no body and a connection of their own. OkHttp sets {@code Host}, and
     * {@code Accept-Encoding} so that it can read the answer.
     */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "content-length",
            "content-type",
            "content-encoding",
            "transfer-encoding",
            "expect",
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authorization",
            "proxy-authenticate",
            "te",
            "trailer",
            "upgrade",
            "accept-encoding",
            "via");

    /** Seconds a caller turned away for capacity is told to wait: slots free as calls finish. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final LegacyCallHandler handler;
    private final Upstream upstream;
    private final OkHttpClient http;
    private final int capacity;
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final Duration bodyTimeout;

    /** {@code handler} tells the proxy's metrics of every call, those turned away for capacity included. */
    DeprecatedCalls(
            LegacyCallHandler handler,
            Upstream upstream,
            Duration connectTimeout,
            Duration upstreamTimeout,
            int capacity,
            Duration bodyTimeout) {
        this.handler = handler;
        this.upstream = upstream;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.bodyTimeout = bodyTimeout;
        // As many threads as slots, so a call holding a slot never waits for a thread; the queue can
        // hold no more than the slots let in.
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(capacity, capacity, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "regshift-proxy-deprecated-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(upstreamTimeout)
                .writeTimeout(upstreamTimeout)
                // One attempt as a whole, so an upstream that trickles bytes can't hold it forever.
                .callTimeout(connectTimeout.plus(upstreamTimeout))
                // Credentials go to the upstream only; a redirect is an answer, not a destination.
                .followRedirects(false)
                .followSslRedirects(false)
                // RetryPolicy decides every retry, so attempts are counted and bounded in one place.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The deprecated call this request is, if it is one. */
    Optional<LegacyCall> recognise(String method, String encodedPath, String encodedQuery) {
        return upstream.asUpstreamUrl(encodedPath, encodedQuery).flatMap(url -> handler.recognise(method, url));
    }

    /** Deprecated calls being served now: reading their body or waiting on the upstream. */
    int inFlight() {
        return capacity - slots.availablePermits();
    }

    /**
     * Serves the call without blocking: takes a slot or answers 503, reads the body on Jetty's
     * demand, then answers on the pool of deprecated calls.
     */
    void serve(LegacyCall call, Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        if (!slots.tryAcquire()) {
            handler.report(call, MigrationEvent.Outcome.BUSY, started);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            LocalAnswer.write(
                    response,
                    503,
                    ErrorCodes.BUSY,
                    "the proxy is serving as many deprecated calls as it takes at once (" + capacity
                            + "); nothing was sent, retry in " + RETRY_AFTER_SECONDS + " s",
                    callback);
            return;
        }
        Slot slot = new Slot(callback);
        new Body(call, request, response, slot, started).start();
    }

    /** Answers the call once its body is read; blocks while the replacement calls are made. */
    private void answer(LegacyCall call, byte[] body, Request request, Response response, Slot slot, long started)
            throws InterruptedIOException {
        LegacyResponse answer =
                handler.handle(call, body, new UpstreamSender(request), handler.deadline(System.nanoTime()), started);
        if (body == null) {
            // The rest of an oversized body may still be on its way: the connection can't be reused.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        slot.release();
        write(call, answer, response, slot);
    }

    /** The upstream, through the proxy's own client, as the transport of one deprecated call. */
    private final class UpstreamSender implements ReplacementSender {
        private final Request request;

        UpstreamSender(Request request) {
            this.request = request;
        }

        @Override
        public okhttp3.Request caller() {
            return new okhttp3.Request.Builder()
                    .url(upstream.baseUrl())
                    .headers(forwardedHeaders(request))
                    .build();
        }

        @Override
        public okhttp3.Response send(okhttp3.Request replacement) throws IOException {
            return http.newCall(replacement).execute();
        }
    }

    /** The caller's headers for a replacement call: auth and the rest, less hop-by-hop and body headers. */
    private static Headers forwardedHeaders(Request request) {
        Set<String> listedInConnection = new HashSet<>();
        for (String value : request.getHeaders().getValuesList(HttpHeader.CONNECTION)) {
            for (String name : value.split(",")) {
                listedInConnection.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        Headers.Builder headers = new Headers.Builder();
        for (HttpField field : request.getHeaders()) {
            String name = field.getLowerCaseName();
            if (NOT_FORWARDED.contains(name) || listedInConnection.contains(name)) {
                continue;
            }
            headers.addUnsafeNonAscii(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        List<String> via = request.getHeaders().getValuesList(HttpHeader.VIA);
        headers.add("Via", (via.isEmpty() ? "" : String.join(", ", via) + ", ") + "1.1 regshift");
        return headers.build();
    }

    /**
     * The completion of one call: its slot is given back before the answer is written (so a caller
     * that reads it may at once send another call) or when the exchange fails, once either way.
     */
    private final class Slot implements Callback {
        private final Callback callback;
        private final AtomicBoolean held = new AtomicBoolean(true);

        Slot(Callback callback) {
            this.callback = callback;
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        }

        @Override
        public void succeeded() {
            release();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            release();
            callback.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }

    /**
     * Reads a deprecated call's body as Jetty delivers it, on no thread of its own, and keeps at most
     * {@link LegacyTranslation#MAX_BODY_BYTES} + 1 bytes. The rest of an oversized body is read and
     * dropped (up to {@link #MAX_DRAIN}) so that the caller, still sending, reads the answer instead
     * of a reset connection. Whatever comes first settles the call: the end of the body, a failure
     * of the connection, or the body timeout.
     */
    private final class Body implements Runnable {
        private final LegacyCall call;
        private final Request request;
        private final Response response;
        private final Slot slot;
        private final long started;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final int limit = LegacyTranslation.MAX_BODY_BYTES;
        private byte[] buffer;
        private int length;
        private long total;
        private volatile Scheduler.Task timeout;

        Body(LegacyCall call, Request request, Response response, Slot slot, long started) {
            this.call = call;
            this.request = request;
            this.response = response;
            this.slot = slot;
            this.started = started;
        }

        void start() {
            long declared = request.getLength();
            if (declared > MAX_DRAIN) {
                settled.set(true);
                dispatch(null);
                return;
            }
            buffer = new byte[(int) Math.min(limit + 1L, declared >= 0 ? declared + 1 : 16 * 1024)];
            timeout = request.getComponents()
                    .getScheduler()
                    .schedule(this::expire, bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settle()) {
                        slot.failed(chunk.getFailure());
                    }
                    return;
                }
                keep(chunk.getByteBuffer());
                chunk.release();
                if (chunk.isLast() || total > MAX_DRAIN) {
                    if (settle()) {
                        dispatch(total > limit ? null : Arrays.copyOf(buffer, length));
                    }
                    return;
                }
            }
        }

        private void keep(ByteBuffer bytes) {
            int n = bytes.remaining();
            total += n;
            int room = limit + 1 - length;
            if (room <= 0 || n == 0) {
                return;
            }
            int take = Math.min(n, room);
            if (length + take > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(limit + 1, Math.max(buffer.length * 2, length + take)));
            }
            bytes.get(buffer, length, take);
            length += take;
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task task = timeout;
            if (task != null) {
                task.cancel();
            }
            return true;
        }

        private void expire() {
            if (!settle()) {
                return;
            }
            handler.report(call, MigrationEvent.Outcome.REJECTED, started);
            slot.release();
            // The rest of the body may still be on its way: the connection can't be reused.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            LocalAnswer.write(
                    response,
                    408,
                    ErrorCodes.BODY_TIMEOUT,
                    "the request body did not arrive in full within " + bodyTimeout.toMillis()
                            + " ms (the proxy's body timeout); nothing was sent",
                    slot);
        }

        /** The body (null when over the limit) goes to a thread of the deprecated calls' pool. */
        private void dispatch(byte[] body) {
            try {
                workers.execute(() -> {
                    try {
                        answer(call, body, request, response, slot, started);
                    } catch (Throwable failure) {
                        slot.failed(failure);
                    }
                });
            } catch (RejectedExecutionException stopped) {
                slot.failed(stopped);
            }
        }
    }

    private static void write(LegacyCall call, LegacyResponse answer, Response response, Callback callback) {
        response.getHeaders()
                .put(
                        "Regshift-Routed-To",
                        call.deprecation().replacement() + " (" + answer.replacementCalls() + " calls)");
        LocalAnswer.write(response, answer.status(), answer.body(), callback);
    }

    /**
     * Interrupts the replacement calls still running (their callers' connections are gone once the
     * server has stopped) and closes their connections.
     */
    void close() {
        workers.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
