package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the proxy writes itself, in Cloudflare's envelope so that SDKs read them like any API
 * error. Their codes are the adapter's {@link ErrorCodes}, one registry for both; the README
 * lists them.
 */
final class LocalAnswer {
    static final String JSON = "application/json";

    private LocalAnswer() {}

    /** The envelope of one error, as UTF-8 JSON. */
    static byte[] body(int code, String message) {
        Envelope envelope = Envelope.failure(List.of(ResponseInfo.of(code, message)), null);
        return CloudflareJson.envelope().toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a complete error answer; {@code callback} completes with the write. */
    static void write(Response response, int status, int code, String message, Callback callback) {
        write(response, status, body(code, message), callback);
    }

    static void write(Response response, int status, byte[] body, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The code for a status the server chose itself (a bad message, a failed handler). Every status
     * has a named code: one the proxy uses for it, else the one for any other client error or any
     * other failure of the proxy.
     */
    static int codeFor(int status) {
        switch (status) {
            case 400:
                return ErrorCodes.BAD_REQUEST;
            case 404:
                return ErrorCodes.NOT_FOUND;
            case 405:
                return ErrorCodes.METHOD_NOT_ALLOWED;
            case 408:
                return ErrorCodes.BODY_TIMEOUT;
            case 421:
                return ErrorCodes.MISDIRECTED;
            case 431:
                return ErrorCodes.HEADERS_TOO_LARGE;
            case 503:
                return ErrorCodes.SHUTTING_DOWN;
            default:
                return status < 500 ? ErrorCodes.BAD_REQUEST : ErrorCodes.PROXY_ERROR;
        }
    }
}
