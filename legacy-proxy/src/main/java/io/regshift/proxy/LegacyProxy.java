package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.LegacyCallHandler;
import io.regshift.adapter.LegacyTranslation;
import io.regshift.core.BatchLimits;
import io.regshift.core.Catalog;
import io.regshift.core.RetryPolicy;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP proxy that speaks the Cloudflare API, so that an application in any language keeps
 * working by changing only its base URL to {@code http://HOST:PORT/client/v4}: calls to the
 * deprecated {@code POST /accounts/{account_id}/devices/revoke} and {@code /unrevoke} are
 * translated to their replacements with the adapter's {@link LegacyTranslation} (same semantics,
 * errors and batching as {@link io.regshift.adapter.LegacyRoutingInterceptor}); every other request
 * is passed through to the upstream unchanged, streaming.
 *
 * <pre>{@code
 * try (LegacyProxy proxy = LegacyProxy.builder()
 *     .listen("127.0.0.1:8787")
 *     .upstream("https://api.cloudflare.com/client/v4")
 *     .start()) {
 *   // point clients at proxy.baseUrl()
 *   proxy.awaitStop();
 * }
 * }</pre>
 *
 * <p>Secure by default: it listens on loopback unless told otherwise (and warns when it is not),
 * forwards only to the configured upstream whatever a request's {@code Host} header or absolute URI
 * says (such requests get 421), adds no credentials and stores or logs none, reads at most 1 MiB of
 * a deprecated call's body and 16 KiB of request headers, and gives up on an upstream that does not
 * answer within the upstream timeout (the caller gets a 504 envelope). Deprecated calls have a
 * capacity of their own (64 at once; more get 503 with {@code Retry-After}) and a body timeout
 * (10 s; then 408), so slow callers or a hanging upstream never take the threads that serve health
 * checks and pass-through requests. It keeps no state between requests, so any number of instances
 * can serve behind a load balancer.
 *
 * <p>{@link #close()} stops gracefully: the listener closes at once (new connections are refused),
 * new requests on connections already open get 503 with {@code Connection: close}, and those in
 * flight may finish for up to the shutdown timeout; then it stops.
 */
public final class LegacyProxy implements AutoCloseable {
    /** {@value}: loopback only, so nothing beyond this machine can use the proxy by default. */
    public static final String DEFAULT_LISTEN = "127.0.0.1:8787";

    private static final Logger LOG = LoggerFactory.getLogger(LegacyProxy.class);

    private final Server server;
    private final int port;
    private final DeprecatedCalls deprecatedCalls;
    private final ListenAddress listen;
    private final Upstream upstream;
    private final List<String> warnings;
    private boolean closed;

    private LegacyProxy(
            Server server,
            ServerConnector connector,
            DeprecatedCalls deprecatedCalls,
            ListenAddress listen,
            Upstream upstream,
            List<String> warnings) {
        this.server = server;
        this.port = connector.getLocalPort();
        this.deprecatedCalls = deprecatedCalls;
        this.listen = listen;
        this.upstream = upstream;
        this.warnings = List.copyOf(warnings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the proxy listens (or listened) on: the one chosen when started with port 0. */
    public int port() {
        return port;
    }

    /** {@code http://HOST:PORT}, the proxy's origin; {@code 127.0.0.1} stands for a wildcard listen host. */
    public URI uri() {
        String host = listen.host().contains(":") ? "[" + listen.host() + "]" : listen.host();
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The base URL clients use: {@link #uri()} followed by the upstream's path prefix, e.g. {@code /client/v4}. */
    public URI baseUrl() {
        return URI.create(uri() + upstream.prefix());
    }

    /** The upstream base URL every request goes to. */
    public String upstream() {
        return upstream.toString();
    }

    /** Warnings about the configuration found at start (e.g. listening beyond loopback); also logged. */
    public List<String> warnings() {
        return warnings;
    }

    /** Blocks until the proxy has stopped (after {@link #close()}, from any thread). */
    public void awaitStop() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: no new requests are taken, those in flight may finish for up to the shutdown
     * timeout, then connections are closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the proxy did not stop cleanly: {}", e.toString());
        } finally {
            deprecatedCalls.close();
        }
    }

    @Override
    public String toString() {
        return "LegacyProxy{" + listen + " -> " + upstream + "}";
    }

    /**
     * Configures and starts a {@link LegacyProxy}. A timeout or limit out of its range (timeouts are
     * positive and at most a day) is refused at once with a {@link ProxySettingException} naming the
     * setting.
     */
    public static final class Builder {
        private ListenAddress listen = ListenAddress.parse(DEFAULT_LISTEN);
        private Upstream upstream = Upstream.parse(Catalog.DEFAULT_BASE_URL);
        private final List<String> allowedHosts = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration upstreamTimeout = Duration.ofSeconds(30);
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private int maxRequestHeaderBytes = 16 * 1024;
        private int maxDeprecatedCalls = 64;
        private Duration bodyTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private BatchLimits batchLimits = BatchLimits.defaults();
        private Consumer<String> accessLog;

        private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

        private Builder() {}

        /**
         * Where to listen, {@code HOST:PORT}; default {@value #DEFAULT_LISTEN}. Port 0 picks a free
         * port. A host other than loopback makes the proxy reachable from the network, and it warns.
         */
        public Builder listen(String hostAndPort) {
            this.listen = ListenAddress.parse(hostAndPort);
            return this;
        }

        public Builder listen(String host, int port) {
            this.listen = new ListenAddress(host, port);
            return this;
        }

        /**
         * The Cloudflare API base URL every request is forwarded to; default {@value
         * Catalog#DEFAULT_BASE_URL}. The proxy serves its path prefix.
         *
         * @throws IllegalArgumentException if it is not an http or https URL, or has user info, a
         *     query or a fragment
         */
        public Builder upstream(String url) {
            this.upstream = Upstream.parse(url);
            return this;
        }

        /**
         * A host name clients (or a load balancer in front) use to reach the proxy, accepted in the
         * {@code Host} header besides the proxy's own addresses; repeatable.
         */
        public Builder allowHost(String name) {
            if (name == null || name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
                throw new IllegalArgumentException("allowed host \"" + name + "\" is not a host name");
            }
            allowedHosts.add(name);
            return this;
        }

        /** Time to connect to the upstream; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout("connectTimeout", timeout);
            return this;
        }

        /**
         * Time the upstream may stay silent (no answer, or no bytes of it) before the proxy gives up:
         * a pass-through request then gets a 504 envelope, and a replacement call counts as timed out
         * (and is retried); default 30 s.
         */
        public Builder upstreamTimeout(Duration timeout) {
            this.upstreamTimeout = timeout("upstreamTimeout", timeout);
            return this;
        }

        /** How long {@link #close()} lets requests in flight finish; default 30 s. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout("shutdownTimeout", timeout);
            return this;
        }

        /** The largest request head (request line and headers) accepted; larger ones get 431. Default 16 KiB. */
        public Builder maxRequestHeaderBytes(int bytes) {
            if (bytes < 1024) {
                throw new ProxySettingException("maxRequestHeaderBytes", "must be at least 1024", bytes);
            }
            this.maxRequestHeaderBytes = bytes;
            return this;
        }

        /**
         * How many deprecated calls are served at once, body reading and replacement calls included;
         * more get 503 with {@code Retry-After} and a 1531 envelope, at once. Default 64, each on a
         * thread of its own, apart from the server's.
         */
        public Builder maxDeprecatedCalls(int calls) {
            if (calls < 1) {
                throw new ProxySettingException("maxDeprecatedCalls", "must be at least 1", calls);
            }
            this.maxDeprecatedCalls = calls;
            return this;
        }

        /**
         * How long a deprecated call's body may take to arrive in full, from the end of its headers;
         * longer gets 408 and frees the call's place. A total, not an idle time, so a client trickling
         * bytes can't hold a place longer. Default 10 s.
         */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = timeout("bodyTimeout", timeout);
            return this;
        }

        /** How replacement calls are retried; default {@link RetryPolicy#defaults()}, as the adapter. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** How a deprecated call's IDs are split into replacement calls; default {@link BatchLimits#defaults()}. */
        public Builder batchLimits(BatchLimits batchLimits) {
            this.batchLimits = Objects.requireNonNull(batchLimits, "batchLimits");
            return this;
        }

        /**
         * Where the access log goes, one line per request (client address, method, path, status,
         * bytes, duration, route; never headers, query strings or bodies). Default: the SLF4J logger
         * {@code io.regshift.proxy.access} at INFO.
         */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Starts the proxy; it serves when this returns.
         *
         * @throws ProxyStartException if it can't listen (address in use, unknown host, ...)
         */
        public LegacyProxy start() {
            ProxyMetrics metrics = new ProxyMetrics(Catalog.standard().deprecations());
            Consumer<String> sink = accessLog;
            if (sink == null) {
                Logger access = LoggerFactory.getLogger("io.regshift.proxy.access");
                sink = access::info;
            }

            QueuedThreadPool threads = new QueuedThreadPool(256, 8);
            threads.setName("regshift-proxy");
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setRequestHeaderSize(maxRequestHeaderBytes);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Encoded slashes and percents are real in Cloudflare paths (KV key names, say), and an
            // empty segment is the upstream's to judge: all are forwarded as sent. Dot segments are
            // refused by the router.
            http.setUriCompliance(UriCompliance.DEFAULT.with(
                    "regshift",
                    UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                    UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                    UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(listen.host());
            connector.setPort(listen.port());
            // A caller waits silently while its deprecated call is retried: up to the retry deadline
            // plus one attempt, so its connection must not time out first.
            connector.setIdleTimeout(
                    retryPolicy.deadline().plus(upstreamTimeout).plusSeconds(10).toMillis());
            server.addConnector(connector);

            Upstream upstream = this.upstream;
            DeprecatedCalls deprecatedCalls = new DeprecatedCalls(
                    LegacyCallHandler.create(
                            LegacyTranslation.create(List.of(upstream.baseUrl()), batchLimits), retryPolicy, metrics),
                    upstream,
                    connectTimeout,
                    upstreamTimeout,
                    maxDeprecatedCalls,
                    bodyTimeout);
            metrics.deprecatedInFlight(deprecatedCalls::inFlight);
            PassThrough passThrough =
                    new PassThrough(upstream, connectTimeout, upstreamTimeout, maxRequestHeaderBytes, metrics);
            Router router = new Router(
                    upstream,
                    AllowedHosts.of(listen.host(), allowedHosts),
                    deprecatedCalls,
                    new Operations(metrics, upstream),
                    passThrough);
            Draining graceful = new Draining(router);
            metrics.inFlight(graceful::getCurrentRequestCount);
            server.setHandler(graceful);
            server.setErrorHandler(new EnvelopeErrorHandler());
            server.setRequestLog(new AccessLog(sink, metrics));
            server.setStopTimeout(shutdownTimeout.toMillis());
            server.setStopAtShutdown(false);

            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // Already failing; the start error is the one to report.
                }
                deprecatedCalls.close();
                throw startError(e);
            }

            List<String> warnings = new ArrayList<>();
            if (!listen.isLoopback()) {
                warnings.add(
                        "listening on "
                                + listen
                                + ", beyond loopback: anyone who can reach this address can send requests through the proxy to "
                                + upstream
                                + " (with their own credentials); restrict it with a firewall or a load balancer, or listen on 127.0.0.1");
            }
            LegacyProxy proxy = new LegacyProxy(server, connector, deprecatedCalls, listen, upstream, warnings);
            for (String warning : warnings) {
                LOG.warn(warning);
            }
            LOG.debug("serving {} -> {}", proxy.baseUrl(), upstream);
            return proxy;
        }

        private ProxyStartException startError(Exception e) {
            String address = listen.toString();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    return new ProxyStartException(
                            address,
                            ProxyStartException.Reason.ADDRESS_UNAVAILABLE,
                            "cannot listen on " + address
                                    + ": the address is already in use, or not an address of this machine ("
                                    + t.getMessage() + ")",
                            e);
                }
                if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                    return new ProxyStartException(
                            address,
                            ProxyStartException.Reason.UNKNOWN_HOST,
                            "cannot listen on " + address + ": unknown host " + listen.host(),
                            e);
                }
            }
            return new ProxyStartException(
                    address, ProxyStartException.Reason.OTHER, "cannot listen on " + address + ": " + e, e);
        }

        /** A timeout: positive, and at most a day, which keeps every sum of them within the servers' millisecond clocks. */
        private static Duration timeout(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new ProxySettingException(name, "must be positive", value);
            }
            if (value.compareTo(MAX_TIMEOUT) > 0) {
                throw new ProxySettingException(name, "must be at most 1 day", value);
            }
            return value;
        }
    }

    /** Counts requests in flight for a graceful stop, and answers latecomers with a 503 envelope. */
    private static final class Draining extends GracefulHandler {
        Draining(Router router) {
            super(router);
        }

        @Override
        protected void handleShutdownRejection(Request request, Response response, Callback callback) {
            response.getHeaders().put("Connection", "close");
            LocalAnswer.write(
                    response,
                    503,
                    ErrorCodes.SHUTTING_DOWN,
                    "the proxy is shutting down; retry on another instance",
                    callback);
        }
    }
}
