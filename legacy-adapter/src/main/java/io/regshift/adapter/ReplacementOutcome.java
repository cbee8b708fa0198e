package io.regshift.adapter;

import io.regshift.core.Envelope;
import io.regshift.core.ReplacementCall;
import java.io.IOException;
import java.io.InterruptedIOException;

/** How one replacement call ended: an answer (with its envelope, if it had one) or no answer. */
public final class ReplacementOutcome {
    private final ReplacementCall call;
    private final int status;
    private final Envelope envelope;
    private final String failure;
    private final boolean timedOut;
    private final int attempts;

    private ReplacementOutcome(
            ReplacementCall call, int status, Envelope envelope, String failure, boolean timedOut, int attempts) {
        this.call = call;
        this.status = status;
        this.envelope = envelope;
        this.failure = failure;
        this.timedOut = timedOut;
        this.attempts = attempts;
    }

    /** Cloudflare answered with {@code status}; {@code envelope} is null if the body was not one. */
    public static ReplacementOutcome answered(ReplacementCall call, int status, Envelope envelope, int attempts) {
        return new ReplacementOutcome(call, status, envelope, null, false, attempts);
    }

    /** No answer came: the connection failed or timed out. */
    public static ReplacementOutcome unreachable(ReplacementCall call, IOException cause, int attempts) {
        String message = cause.getMessage();
        return new ReplacementOutcome(
                call,
                0,
                null,
                cause.getClass().getSimpleName() + (message == null ? "" : ": " + message),
                cause instanceof InterruptedIOException,
                attempts);
    }

    /** An answer to one request of a read, which carries no IDs and so has no {@link ReplacementCall}. */
    static ReplacementOutcome answered(int status, Envelope envelope, int attempts) {
        return new ReplacementOutcome(null, status, envelope, null, false, attempts);
    }

    /** No answer came to one request of a read. */
    static ReplacementOutcome unreachable(IOException cause, int attempts) {
        String message = cause.getMessage();
        return new ReplacementOutcome(
                null,
                0,
                null,
                cause.getClass().getSimpleName() + (message == null ? "" : ": " + message),
                cause instanceof InterruptedIOException,
                attempts);
    }

    /** The replacement call; null for a request of a read, which carries no IDs. */
    public ReplacementCall call() {
        return call;
    }

    /** True when Cloudflare accepted every ID of the call: a 2xx with {@code success: true}. */
    public boolean succeeded() {
        return status >= 200 && status < 300 && envelope != null && envelope.success();
    }

    int status() {
        return status;
    }

    Envelope envelope() {
        return envelope;
    }

    String failure() {
        return failure;
    }

    boolean timedOut() {
        return timedOut;
    }

    int attempts() {
        return attempts;
    }
}
