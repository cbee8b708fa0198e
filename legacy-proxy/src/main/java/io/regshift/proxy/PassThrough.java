package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.MigrationEvent.UpstreamError;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Everything that is not a deprecated call goes to the upstream unchanged, streamed both ways by
 * Jetty's reverse proxy: method, encoded path and query byte for byte, body, and headers, less the
 * hop-by-hop ones (those RFC 9110 names and those listed in {@code Connection}).
 *
 * <p>The {@code Host} header names the upstream, so the caller's {@code Host} decides nothing; a
 * {@code Via: 1.1 regshift} is added, and no {@code Forwarded} header, so the caller's addresses
 * stay inside. Redirects and cookies are passed back to the caller, never followed or kept. An
 * upstream that does not answer within the timeout gets the caller a 504 envelope; one that cannot
 * be reached, a 502 envelope. Request heads are limited once, by the server (431 beyond); the
 * client toward the upstream takes anything the server accepted.
 */
final class PassThrough extends ProxyHandler.Reverse {
    /** The request attribute holding the upstream URI, set by the router once it has checked it. */
    static final String TARGET = PassThrough.class.getName() + ".target";

    /**
     * Room for what the forwarded head has and the caller's had not: the upstream's {@code Host}
     * (at most a 253-character name and a port) and the proxy's {@code Via} entry.
     */
    static final int FORWARDED_HEAD_MARGIN = 1024;

    private final Duration upstreamTimeout;
    private final Duration connectTimeout;
    private final int maxRequestHeaderBytes;
    private final ProxyMetrics metrics;

    PassThrough(
            Upstream upstream,
            Duration connectTimeout,
            Duration upstreamTimeout,
            int maxRequestHeaderBytes,
            ProxyMetrics metrics) {
        // The rewritten URI is built by the router (see newProxyToServerRequest); Jetty only logs this one.
        super(Request::getHttpURI);
        this.connectTimeout = connectTimeout;
        this.upstreamTimeout = upstreamTimeout;
        this.maxRequestHeaderBytes = maxRequestHeaderBytes;
        this.metrics = metrics;
        setProxyToServerHost(upstream.hostHeader());
        setViaHost("regshift");
        setUseServerThreadPool(true);
    }

    @Override
    protected void configureHttpClient(HttpClient httpClient) {
        super.configureHttpClient(httpClient);
        httpClient.setConnectTimeout(connectTimeout.toMillis());
        httpClient.setIdleTimeout(upstreamTimeout.toMillis());
        httpClient.setMaxConnectionsPerDestination(512);
        httpClient.setMaxResponseHeadersSize(64 * 1024);
        // The server's limit, applied once: a head the proxy accepted is never refused on its way out
        // (the client's default is 8 KiB), and a larger one got 431 before anything was sent.
        httpClient.setMaxRequestHeadersSize(maxRequestHeaderBytes + FORWARDED_HEAD_MARGIN);
        // No User-Agent of the proxy's own: the caller's, or none, reaches the upstream.
        httpClient.setUserAgentField(null);
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(
            Request clientToProxyRequest, HttpURI newHttpURI) {
        // The URI the router built from the encoded path and query, not one re-encoded from parts.
        return getHttpClient()
                .newRequest((URI) clientToProxyRequest.getAttribute(TARGET))
                .method(clientToProxyRequest.getMethod())
                .idleTimeout(upstreamTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void addProxyHeaders(
            Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
        addViaHeader(clientToProxyRequest, proxyToServerRequest);
    }

    @Override
    protected org.eclipse.jetty.client.Response.CompleteListener newServerToProxyResponseListener(
            Request clientToProxyRequest,
            org.eclipse.jetty.client.Request proxyToServerRequest,
            Response proxyToClientResponse,
            Callback proxyToClientCallback) {
        return new ProxyResponseListener(
                clientToProxyRequest, proxyToServerRequest, proxyToClientResponse, proxyToClientCallback) {
            @Override
            public void onBegin(org.eclipse.jetty.client.Response serverToProxyResponse) {
                if (serverToProxyResponse.getStatus() >= 500) {
                    metrics.upstreamError(UpstreamError.SERVER_ERROR);
                }
                super.onBegin(serverToProxyResponse);
            }
        };
    }

    @Override
    protected void onServerToProxyResponseFailure(
            Request clientToProxyRequest,
            org.eclipse.jetty.client.Request proxyToServerRequest,
            org.eclipse.jetty.client.Response serverToProxyResponse,
            Response proxyToClientResponse,
            Callback proxyToClientCallback,
            Throwable failure) {
        boolean timeout = failure instanceof TimeoutException;
        metrics.upstreamError(timeout ? UpstreamError.TIMEOUT : UpstreamError.UNREACHABLE);
        if (proxyToClientResponse.isCommitted()) {
            // Part of the answer is out: all that is left is to break the connection, so the caller
            // sees a truncated answer as a failure rather than as a short success.
            proxyToClientCallback.failed(failure);
            return;
        }
        proxyToClientResponse.reset();
        String message = timeout
                ? "the upstream did not answer within " + upstreamTimeout.toMillis()
                        + " ms (the proxy's upstream timeout)"
                : "the upstream could not be reached: " + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        LocalAnswer.write(
                proxyToClientResponse,
                timeout ? 504 : 502,
                ErrorCodes.UPSTREAM_UNREACHABLE,
                message,
                Callback.from(
                        () -> onProxyToClientResponseComplete(
                                clientToProxyRequest,
                                proxyToServerRequest,
                                serverToProxyResponse,
                                proxyToClientResponse,
                                proxyToClientCallback),
                        x -> onProxyToClientResponseFailure(
                                clientToProxyRequest,
                                proxyToServerRequest,
                                serverToProxyResponse,
                                proxyToClientResponse,
                                proxyToClientCallback,
                                x)));
    }
}
