package io.regshift.adapter;

import io.regshift.core.RetryPolicy;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Request;

/**
 * How a transport sends the replacement calls of one deprecated call: {@link LegacyCallHandler}
 * decides what to send, how often and until when, and the transport sends one attempt at a time
 * ({@code chain::proceed} in the interceptor, the proxy's own client in the proxy). Only a
 * transport sends; the flow stays free of OkHttp's calls and of Jetty.
 */
public interface ReplacementSender extends RetryPolicy.Sender {
    /**
     * The caller's request, whose headers (auth included) and tags every replacement call carries;
     * its URL, method and body are replaced.
     *
     * @throws IllegalArgumentException if a header of the caller can't be forwarded: the call is
     *     then refused with 400 and nothing is sent
     */
    Request caller();

    /**
     * True when the caller is gone (its call cancelled or timed out, its thread interrupted): an
     * attempt without an answer then ends the flow with an {@link java.io.InterruptedIOException}
     * rather than an answer nobody reads. False by default.
     */
    default boolean callerGone() {
        return false;
    }

    /** Why this transport can send nothing at all, if so: every replacement call then fails unsent. */
    default Optional<IOException> unavailable() {
        return Optional.empty();
    }
}
