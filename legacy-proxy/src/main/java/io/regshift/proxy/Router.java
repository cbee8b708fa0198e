package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.LegacyCall;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Decides what each request is, in this order: an operations endpoint; a request the proxy refuses
 * (CONNECT or TRACE, another host named, a path outside the API prefix or with dot segments); a
 * deprecated call, translated; anything else, passed through by the wrapped {@link PassThrough}.
 * Only the last two reach the upstream, and only at the configured origin.
 */
final class Router extends Handler.Wrapper {
    private final Upstream upstream;
    private final AllowedHosts hosts;
    private final DeprecatedCalls deprecatedCalls;
    private final Operations operations;

    Router(
            Upstream upstream,
            AllowedHosts hosts,
            DeprecatedCalls deprecatedCalls,
            Operations operations,
            PassThrough passThrough) {
        super(passThrough);
        this.upstream = upstream;
        this.hosts = hosts;
        this.deprecatedCalls = deprecatedCalls;
        this.operations = operations;
    }

    /**
     * Nothing here blocks: a deprecated call's body is read on demand and its replacement calls run
     * on a pool of their own, and the pass-through is asynchronous, so Jetty may serve a request on
     * the thread that read it, without a handoff.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String method = request.getMethod();

        if (path != null && path.startsWith(Operations.PREFIX)) {
            request.setAttribute(AccessLog.ROUTE, ProxyMetrics.OPERATIONS);
            operations.handle(request, response, callback);
            return true;
        }
        request.setAttribute(AccessLog.ROUTE, ProxyMetrics.LOCAL);
        if (method.equals("CONNECT") || method.equals("TRACE")) {
            response.getHeaders().put("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            // After a CONNECT the connection would be a tunnel; it is not, and ends here.
            response.getHeaders().put("Connection", "close");
            LocalAnswer.write(
                    response,
                    405,
                    ErrorCodes.METHOD_NOT_ALLOWED,
                    method + " is not forwarded: this is a reverse proxy for " + upstream + ", not a tunnel",
                    callback);
            return true;
        }
        if (!hosts.allows(uri.getHost(), Request.getLocalAddr(request))) {
            LocalAnswer.write(
                    response,
                    421,
                    ErrorCodes.MISDIRECTED,
                    "this proxy forwards only to " + upstream
                            + "; the request named another host (in its Host header or"
                            + " an absolute URI). Send requests to the proxy's own address with a path under "
                            + prefixShown()
                            + ", or add the name it is reached by to the proxy's allowed hosts",
                    callback);
            return true;
        }
        if (path == null || !upstream.covers(path)) {
            LocalAnswer.write(
                    response,
                    404,
                    ErrorCodes.NOT_FOUND,
                    "the proxy serves paths under " + prefixShown() + " only, as " + upstream
                            + " does; set the client's base URL to http://HOST:PORT" + upstream.prefix(),
                    callback);
            return true;
        }
        if (hasDotSegment(path)) {
            LocalAnswer.write(
                    response,
                    400,
                    ErrorCodes.BAD_REQUEST,
                    "the path has a '.' or '..' segment; the proxy forwards only normalised paths",
                    callback);
            return true;
        }
        Optional<URI> target = upstream.target(path, uri.getQuery());
        if (target.isEmpty()) {
            LocalAnswer.write(
                    response,
                    400,
                    ErrorCodes.BAD_REQUEST,
                    "the request target has characters that must be percent-encoded",
                    callback);
            return true;
        }

        Optional<LegacyCall> call = deprecatedCalls.recognise(method, path, uri.getQuery());
        if (call.isPresent()) {
            request.setAttribute(AccessLog.ROUTE, call.get().deprecation().id());
            deprecatedCalls.serve(call.get(), request, response, callback);
            return true;
        }
        request.setAttribute(AccessLog.ROUTE, ProxyMetrics.PASSTHROUGH);
        request.setAttribute(PassThrough.TARGET, target.get());
        return super.handle(request, response, callback);
    }

    private String prefixShown() {
        return upstream.prefix().isEmpty() ? "/" : upstream.prefix() + "/";
    }

    /** A segment that is '.' or '..', literally or percent-encoded: upstreams would resolve it. */
    static boolean hasDotSegment(String encodedPath) {
        if (encodedPath.indexOf('.') < 0 && encodedPath.indexOf('%') < 0) {
            return false; // the common case, decided without splitting
        }
        for (String segment : encodedPath.split("/", -1)) {
            if (segment.isEmpty() || (segment.indexOf('.') < 0 && !segment.contains("%2"))) {
                continue;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            int semicolon = decoded.indexOf(';');
            if (semicolon >= 0) {
                decoded = decoded.substring(0, semicolon);
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
