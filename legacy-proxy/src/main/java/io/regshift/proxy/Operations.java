package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.core.Version;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The proxy's own endpoints under {@value #PREFIX}, answered locally and never forwarded: {@code
 * health} (200 while serving; during a graceful stop the server answers 503, so a load balancer
 * drains the instance) and {@code metrics} (Prometheus text format).
 */
final class Operations {
    static final String PREFIX = "/__regshift/";

    private final ProxyMetrics metrics;
    private final Upstream upstream;

    Operations(ProxyMetrics metrics, Upstream upstream) {
        this.metrics = metrics;
        this.upstream = upstream;
    }

    void handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        String name = path.substring(PREFIX.length());
        if (!name.equals("health") && !name.equals("metrics")) {
            LocalAnswer.write(
                    response,
                    404,
                    ErrorCodes.NOT_FOUND,
                    "no such operations endpoint " + path + "; there are " + PREFIX + "health and " + PREFIX
                            + "metrics",
                    callback);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            LocalAnswer.write(
                    response, 405, ErrorCodes.METHOD_NOT_ALLOWED, path + " answers GET and HEAD only", callback);
            return;
        }
        String body;
        String type;
        if (name.equals("health")) {
            body = "{\"status\":\"serving\",\"upstream\":\"" + upstream + "\",\"version\":\"" + Version.get() + "\"}\n";
            type = "application/json";
        } else {
            body = metrics.render();
            type = "text/plain; version=0.0.4; charset=utf-8";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
