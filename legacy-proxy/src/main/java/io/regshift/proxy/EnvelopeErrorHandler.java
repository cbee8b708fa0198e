package io.regshift.proxy;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty reports itself (a malformed request line, headers over the limit, a handler that
 * failed) answered in Cloudflare's envelope rather than as an HTML page, so that an SDK reads them
 * like any other API error. The message is Jetty's reason for a 4xx and only the status phrase for
 * a 5xx, never request data.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        LocalAnswer.write(response, code, LocalAnswer.codeFor(code), describe(code, message), callback);
    }

    private static String describe(int status, String reason) {
        String phrase = HttpStatus.getMessage(status);
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            return "the request headers are larger than the proxy accepts (" + phrase + ")";
        }
        if (status >= 500 || reason == null || reason.isBlank() || reason.equals(phrase)) {
            return "the proxy could not serve the request: " + phrase;
        }
        return "the proxy refused the request: " + phrase + " (" + reason + ")";
    }
}
