package io.regshift.proxy;

import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * One line per finished request, and its sample in the latency histogram. The line holds the
 * client address, method, path, status, bytes written, duration and route; never a header, a query
 * string or a body, so no credential and no registration ID reaches a log:
 *
 * <pre>{@code
 * 127.0.0.1 POST /client/v4/accounts/023e/devices/revoke 200 61B 12.4ms route=revoke
 * }</pre>
 */
final class AccessLog implements RequestLog {
    /** The request attribute naming the route a request took; set by the router. */
    static final String ROUTE = AccessLog.class.getName() + ".route";

    private static final int MAX_PATH = 512;

    private final Consumer<String> sink;
    private final ProxyMetrics metrics;

    AccessLog(Consumer<String> sink, ProxyMetrics metrics) {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = NanoTime.since(request.getBeginNanoTime());
        Object route = request.getAttribute(ROUTE);
        String r = route == null ? ProxyMetrics.LOCAL : route.toString();
        int status = response.getStatus();
        metrics.request(r, status, nanos);
        sink.accept(Request.getRemoteAddr(request)
                + " "
                + request.getMethod()
                + " "
                + path(request)
                + " "
                + status
                + " "
                + Response.getContentBytesWritten(response)
                + "B "
                + millis(nanos)
                + " route="
                + r);
    }

    /** e.g. {@code 12.4ms}: tenths of a millisecond, without String.format's cost per request. */
    static String millis(long nanos) {
        long tenths = Math.max(0, nanos) / 100_000;
        return tenths / 10 + "." + tenths % 10 + "ms";
    }

    /** The encoded path, cut short: Jetty has refused control characters already. */
    private static String path(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || path.isEmpty()) {
            return "-";
        }
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
    }
}
