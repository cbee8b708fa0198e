package io.regshift.adapter;

import io.regshift.core.BatchLimits;
import io.regshift.core.Catalog;
import io.regshift.core.Credentials;
import io.regshift.core.RetryPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.connection.RealCall;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * Makes an application's calls to the deprecated {@code POST /accounts/{account_id}/devices/revoke}
 * and {@code /unrevoke} work again, through their replacements, with one line where it builds its
 * {@code OkHttpClient}:
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addInterceptor(LegacyRoutingInterceptor.create())
 *     .build();
 * }</pre>
 *
 * <p>Only POSTs to a deprecated path under a configured base URL are touched; every other request
 * goes on unchanged. The interceptor is a transport of {@link LegacyCallHandler}, which serves the
 * call as the proxy serves it too: a deprecated call's JSON body of IDs becomes one or more replacement calls
 * ({@code ?id=a&id=b}, batched like {@link io.regshift.core.RegistrationsClient}) sent with the
 * caller's headers, auth included, and retried like the client (429 with {@code Retry-After}, 502,
 * 503, 504, connection failures) within the call's timeout. Replacement calls never follow a
 * redirect, whatever the client's setting: a 3xx fails that call's IDs, and no credential is sent
 * to a host the application did not call. The
 * answer has the old envelope shape: 200 and {@code success: true} only when every ID was
 * accepted, otherwise the failing status, the errors and {@code result.failed_ids}. A body that
 * is not a JSON array of ID strings is answered with 400 at once, and nothing is sent.
 *
 * <p>Register it with {@code addInterceptor}, not {@code addNetworkInterceptor}: it may send
 * several requests for one call. In {@link Mode#FAIL FAIL} mode it throws {@link
 * DeprecatedEndpointException} instead, for test suites.
 */
public final class LegacyRoutingInterceptor implements Interceptor {
    /** What to do with a deprecated call. */
    public enum Mode {
        /** Send it through the replacement endpoint. The default. */
        ROUTE,
        /** Throw a {@link DeprecatedEndpointException}: for tests that must find leftover calls. */
        FAIL
    }

    private static final MediaType JSON = MediaType.get("application/json");
    private static final IOException REDIRECTS_NOT_OFF = new IOException(
            "not sent: this OkHttpClient follows redirects and its calls do not expose the client to turn that off for"
                    + " replacement calls; build it with followRedirects(false)");

    private final LegacyCallHandler handler;
    private final Mode mode;
    private volatile Derived derived;

    private LegacyRoutingInterceptor(Builder builder) {
        List<HttpUrl> bases =
                builder.baseUrls.isEmpty() ? List.of(HttpUrl.get(Catalog.DEFAULT_BASE_URL)) : builder.baseUrls;
        this.handler = LegacyCallHandler.create(
                LegacyTranslation.create(bases, builder.batchLimits), builder.retryPolicy, builder.listener);
        this.mode = builder.mode;
    }

    /** Routes calls under {@value Catalog#DEFAULT_BASE_URL}, logging one WARN per endpoint. */
    public static LegacyRoutingInterceptor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Optional<LegacyCall> recognised = handler.recognise(request.method(), request.url());
        if (recognised.isEmpty()) {
            return chain.proceed(request);
        }
        LegacyCall call = recognised.get();
        long started = System.nanoTime();
        if (mode == Mode.FAIL) {
            handler.report(call, MigrationEvent.Outcome.BLOCKED, started);
            throw new DeprecatedEndpointException(call.deprecation());
        }
        byte[] body = readBody(request.body());
        long deadline = deadline(chain, started);
        LegacyResponse answer = handler.handle(call, body, sender(chain, deadline), deadline, started);
        return respond(request, answer, call);
    }

    /**
     * How replacement calls are sent: never following a redirect, so a 3xx is that call's answer and
     * no credential leaves for a host the application did not call. Through the rest of the chain
     * when the application's client follows no redirects; else through that client with redirects
     * turned off, since an application interceptor's {@code proceed} follows them inside OkHttp.
     * Unavailable when neither is possible.
     */
    private ReplacementSender sender(Chain chain, long deadline) {
        if (!chain.getFollowRedirects()) {
            return new ChainSender(chain, chain::proceed, null);
        }
        OkHttpClient client = withoutRedirects(chain.call());
        if (client == null) {
            return new ChainSender(
                    chain,
                    request -> {
                        throw REDIRECTS_NOT_OFF;
                    },
                    REDIRECTS_NOT_OFF);
        }
        return new ChainSender(
                chain,
                request -> {
                    Call call = client.newCall(request);
                    call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return call.execute();
                },
                null);
    }

    /** The application's call as the transport of its deprecated call. */
    private static final class ChainSender implements ReplacementSender {
        private final Chain chain;
        private final RetryPolicy.Sender send;
        private final IOException unavailable;

        ChainSender(Chain chain, RetryPolicy.Sender send, IOException unavailable) {
            this.chain = chain;
            this.send = send;
            this.unavailable = unavailable;
        }

        @Override
        public Request caller() {
            return chain.request();
        }

        @Override
        public Response send(Request request) throws IOException {
            return send.send(request);
        }

        /** Cancelled or timed out by the application, or its thread interrupted: its answer is an exception. */
        @Override
        public boolean callerGone() {
            return chain.call().isCanceled() || Thread.currentThread().isInterrupted();
        }

        @Override
        public Optional<IOException> unavailable() {
            return Optional.ofNullable(unavailable);
        }
    }

    /**
     * The call's client with redirects off, derived once per client (a derived client shares the
     * connection pool and dispatcher); null when the call does not expose its client, e.g. OkHttp's
     * internal package is closed to this module on the module path.
     */
    private OkHttpClient withoutRedirects(Call call) {
        OkHttpClient client;
        try {
            if (!(call instanceof RealCall)) {
                return null;
            }
            client = ((RealCall) call).getClient();
        } catch (IllegalAccessError e) {
            return null;
        }
        Derived last = derived;
        if (last == null || last.from != client) {
            last = new Derived(
                    client,
                    client.newBuilder()
                            .followRedirects(false)
                            .followSslRedirects(false)
                            .build());
            derived = last;
        }
        return last.client;
    }

    /** A client and its copy with redirects off; most interceptors only ever see one client. */
    private static final class Derived {
        final OkHttpClient from;
        final OkHttpClient client;

        Derived(OkHttpClient from, OkHttpClient client) {
            this.from = from;
            this.client = client;
        }
    }

    /** The earlier of the call's own timeout and the retry policy's deadline. */
    private long deadline(Chain chain, long started) {
        long policy = handler.deadline(started);
        okio.Timeout timeout = chain.call().timeout();
        return timeout.hasDeadline() ? Math.min(policy, timeout.deadlineNanoTime()) : policy;
    }

    /**
     * The body's bytes, or null when it is larger than {@link LegacyTranslation#MAX_BODY_BYTES}:
     * writing stops there, so a huge body is never held in memory.
     */
    private static byte[] readBody(RequestBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > LegacyTranslation.MAX_BODY_BYTES) {
            return null;
        }
        Buffer buffer = new Buffer();
        BufferedSink bounded = Okio.buffer(new ForwardingSink(buffer) {
            private long written;

            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                written += byteCount;
                if (written > LegacyTranslation.MAX_BODY_BYTES) {
                    throw new BodyTooLarge();
                }
                super.write(source, byteCount);
            }
        });
        try {
            body.writeTo(bounded);
            bounded.flush();
        } catch (BodyTooLarge e) {
            return null;
        }
        return buffer.readByteArray();
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static Response respond(Request request, LegacyResponse answer, LegacyCall call) {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(answer.status())
                .message(reason(answer.status()))
                .header("Content-Type", JSON.toString())
                .header(
                        "Regshift-Routed-To",
                        call.deprecation().replacement() + " (" + answer.replacementCalls() + " calls)")
                .body(ResponseBody.create(answer.body(), JSON))
                .sentRequestAtMillis(System.currentTimeMillis())
                .receivedResponseAtMillis(System.currentTimeMillis())
                .build();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 429:
                return "Too Many Requests";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "HTTP " + status;
        }
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (HttpUrl base : handler.translation().baseUrls()) {
            shown.add(Credentials.redactUrl(base.toString()));
        }
        return "LegacyRoutingInterceptor{" + mode + ", " + shown + "}";
    }

    /** Configures a {@link LegacyRoutingInterceptor}. */
    public static final class Builder {
        private final List<HttpUrl> baseUrls = new ArrayList<>();
        private Mode mode = Mode.ROUTE;
        private MigrationListener listener = MigrationListener.logging();
        private BatchLimits batchLimits = BatchLimits.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {}

        /**
         * A base URL whose deprecated calls to handle, e.g. {@code https://api.cloudflare.com/client/v4};
         * repeatable. Default: Cloudflare's.
         */
        public Builder baseUrl(String baseUrl) {
            HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (url == null) {
                throw new IllegalArgumentException(
                        "base URL is not an http or https URL: " + Credentials.redactUrl(baseUrl));
            }
            baseUrls.add(url);
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Told of every deprecated call; default {@link MigrationListener#logging()}. */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How IDs are split into replacement calls; default as {@code RegistrationsClient}. */
        public Builder batchLimits(BatchLimits batchLimits) {
            this.batchLimits = Objects.requireNonNull(batchLimits, "batchLimits");
            return this;
        }

        /** How replacement calls are retried; default as {@code RegistrationsClient}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public LegacyRoutingInterceptor build() {
            return new LegacyRoutingInterceptor(this);
        }
    }
}
