package io.regshift.proxy;

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
 * error. The codes sit next to the adapter's {@link io.regshift.adapter.ErrorCodes} (1400, 1401,
 * 1500, 1502, 1503, 1599), in a block of their own; the README lists them.
 */
final class LocalAnswer {
  /** The request line or headers are malformed, or the path has dot segments (HTTP 400). */
  static final int BAD_REQUEST = 1420;
  /** The path is not under the upstream's API prefix, or no such operations endpoint (404). */
  static final int NOT_FOUND = 1404;
  /** CONNECT or TRACE, which a reverse proxy does not forward, or a write to /__regshift (405). */
  static final int METHOD_NOT_ALLOWED = 1405;
  /** The request names another host, in its Host header or an absolute URI (421). */
  static final int MISDIRECTED = 1421;
  /** The request headers are larger than the limit (431). */
  static final int HEADERS_TOO_LARGE = 1431;
  /** A deprecated call's body did not arrive in full within the body timeout (408). */
  static final int BODY_TIMEOUT = 1408;
  /** The proxy is shutting down and takes no new requests (503). */
  static final int SHUTTING_DOWN = 1530;
  /** The proxy is serving as many deprecated calls as it takes at once (503, with Retry-After). */
  static final int BUSY = 1531;
  /** Any other error the server reports itself: the code is 1000 plus the status. */
  static final int OFFSET = 1000;

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

  /** The code for a status the server chose itself (a bad message, say). */
  static int codeFor(int status) {
    switch (status) {
      case 400:
        return BAD_REQUEST;
      case 404:
        return NOT_FOUND;
      case 405:
        return METHOD_NOT_ALLOWED;
      case 421:
        return MISDIRECTED;
      case 431:
        return HEADERS_TOO_LARGE;
      case 503:
        return SHUTTING_DOWN;
      default:
        return OFFSET + status;
    }
  }
}
