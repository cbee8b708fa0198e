package io.regshift.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A read from Cloudflare's API failed: after the retries {@link RetryPolicy} allows, the answer was
 * not a successful envelope with the expected result, or no answer came. It names the request by
 * method and path (never the query or the credentials), and carries Cloudflare's errors, so a
 * caller can tell a missing registration (HTTP 404) from refused credentials (401, 403) from an
 * outage.
 *
 * <p>A list that fails on any page throws this from its iterator: a partial list is never returned
 * as if it were whole.
 */
public final class CloudflareApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String request;
    private final int httpStatus;
    private final transient List<ResponseInfo> errors;
    private final String reason;
    private final int attempts;

    CloudflareApiException(String request, int httpStatus, List<ResponseInfo> errors, String reason, int attempts) {
        super(request + " failed: " + reason + (errors.isEmpty() ? "" : " " + errors));
        this.request = Objects.requireNonNull(request);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
        this.reason = Objects.requireNonNull(reason);
        this.attempts = attempts;
    }

    /** The request, e.g. {@code GET /client/v4/accounts/acc/devices/registrations (page 2)}. */
    public String request() {
        return request;
    }

    /** The HTTP status of the last answer; empty if none came. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Whether Cloudflare answered 404: the account has no such registration or device. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** Whether Cloudflare refused the credentials (401 or 403). */
    public boolean isAuthFailure() {
        return httpStatus == 401 || httpStatus == 403;
    }

    /** Cloudflare's errors from the last answer; empty if none came or it was not an envelope. */
    public List<ResponseInfo> errors() {
        return errors == null ? List.of() : errors;
    }

    /** Why, for people, e.g. {@code HTTP 503 after 5 attempts}. */
    public String reason() {
        return reason;
    }

    /** Attempts made, the first included. */
    public int attempts() {
        return attempts;
    }
}
