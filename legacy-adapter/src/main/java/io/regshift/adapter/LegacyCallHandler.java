package io.regshift.adapter;

import io.regshift.core.CloudflareJson;
import io.regshift.core.ReplacementCall;
import io.regshift.core.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one flow that serves a deprecated call, whatever carries it: the body becomes a plan
 * ({@link LegacyTranslation#plan}), a plan that can't be sent becomes a local 400, the
 * replacement calls are sent through the transport's {@link ReplacementSender} and retried under
 * a {@link RetryPolicy} within a deadline, their outcomes become one answer of the old shape, and
 * the {@link MigrationListener} is told how the call went. {@link LegacyRoutingInterceptor} and
 * the proxy are its transports: they read the body (up to {@link
 * LegacyTranslation#MAX_BODY_BYTES}), say how to send, and write the answer, so a deprecated call
 * is served the same way by both.
 */
public final class LegacyCallHandler {
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final LegacyTranslation translation;
    private final RetryPolicy retryPolicy;
    private final MigrationListener listener;

    private LegacyCallHandler(LegacyTranslation translation, RetryPolicy retryPolicy, MigrationListener listener) {
        this.translation = Objects.requireNonNull(translation, "translation");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A handler that translates with {@code translation}, retries under {@code retryPolicy} and tells {@code listener}. */
    public static LegacyCallHandler create(
            LegacyTranslation translation, RetryPolicy retryPolicy, MigrationListener listener) {
        return new LegacyCallHandler(translation, retryPolicy, listener);
    }

    public LegacyTranslation translation() {
        return translation;
    }

    /** The deprecated call this request is, if it is one: see {@link LegacyTranslation#recognise}. */
    public Optional<LegacyCall> recognise(String method, HttpUrl url) {
        return translation.recognise(method, url);
    }

    /** The {@link System#nanoTime()} by which a call started at {@code startedNanos} must be answered. */
    public long deadline(long startedNanos) {
        return startedNanos + retryPolicy.deadline().toNanos();
    }

    /**
     * Tells the listener of a call its transport answered without planning it: {@link
     * MigrationEvent.Outcome#BLOCKED BLOCKED} (FAIL mode), {@link MigrationEvent.Outcome#BUSY BUSY}
     * (over capacity) or {@link MigrationEvent.Outcome#REJECTED REJECTED} (its body came too late).
     *
     * @throws IllegalArgumentException for {@code ROUTED} or {@code FAILED}, which only {@link #handle} knows
     */
    public void report(LegacyCall call, MigrationEvent.Outcome outcome, long startedNanos) {
        if (outcome == MigrationEvent.Outcome.ROUTED || outcome == MigrationEvent.Outcome.FAILED) {
            throw new IllegalArgumentException("outcome " + outcome + " is reported by handle(), which sent the call");
        }
        notify(call, outcome, 0, 0, 0, List.of(), startedNanos);
    }

    /**
     * Serves one deprecated call and tells the listener how it went.
     *
     * @param body the request body, or null when the transport stopped reading it past {@link
     *     LegacyTranslation#MAX_BODY_BYTES}
     * @param deadlineNanos the {@link System#nanoTime()} after which no attempt is retried
     * @param startedNanos when the transport saw the call, for the event's duration
     * @return the answer of the old shape: a local 400, or the replacement calls' outcomes
     * @throws InterruptedIOException if the caller is gone ({@link ReplacementSender#callerGone()})
     *     before an answer came; the listener is not told then
     */
    public LegacyResponse handle(
            LegacyCall call, byte[] body, ReplacementSender sender, long deadlineNanos, long startedNanos)
            throws InterruptedIOException {
        LegacyPlan plan = body == null ? translation.tooLarge(call) : translation.plan(call, body);
        if (plan.rejection().isPresent()) {
            report(call, MigrationEvent.Outcome.REJECTED, startedNanos);
            return plan.rejection().get();
        }
        Request caller;
        try {
            caller = sender.caller();
        } catch (IllegalArgumentException e) {
            report(call, MigrationEvent.Outcome.REJECTED, startedNanos);
            return LegacyTranslation.rejection(
                    ErrorCodes.BAD_REQUEST, "a request header can't be forwarded: " + e.getMessage());
        }
        Optional<IOException> unavailable = sender.unavailable();
        List<MigrationEvent.UpstreamError> upstreamErrors = new ArrayList<>();
        List<ReplacementOutcome> outcomes = new ArrayList<>();
        List<ReplacementCall> calls = plan.calls();
        for (int i = 0; i < calls.size(); i++) {
            ReplacementCall replacement = calls.get(i);
            if (unavailable.isPresent()) {
                outcomes.add(ReplacementOutcome.unreachable(replacement, unavailable.get(), 0));
                continue;
            }
            try {
                outcomes.add(send(call, caller, replacement, sender, deadlineNanos, upstreamErrors));
            } catch (InterruptedIOException e) {
                if (sender.callerGone()) {
                    throw e;
                }
                // The transport is being stopped hard: this call and the rest are answered as not done.
                for (ReplacementCall unsent : calls.subList(i, calls.size())) {
                    outcomes.add(ReplacementOutcome.unreachable(unsent, e, 0));
                }
                break;
            }
        }
        LegacyResponse answer = translation.respond(call, outcomes);
        notify(
                call,
                answer.failedIds().isEmpty() ? MigrationEvent.Outcome.ROUTED : MigrationEvent.Outcome.FAILED,
                plan.ids().size(),
                answer.succeededIds().size(),
                answer.failedIds().size(),
                upstreamErrors,
                startedNanos);
        return answer;
    }

    private ReplacementOutcome send(
            LegacyCall call,
            Request caller,
            ReplacementCall replacement,
            ReplacementSender sender,
            long deadlineNanos,
            List<MigrationEvent.UpstreamError> upstreamErrors)
            throws InterruptedIOException {
        // The replacement has no body: the body headers of the caller's request do not describe it.
        Request request = caller.newBuilder()
                .url(replacement.url())
                .method(replacement.method(), EMPTY)
                .removeHeader("Content-Type")
                .removeHeader("Content-Length")
                .removeHeader("Transfer-Encoding")
                .build();
        RetryPolicy.Exchange exchange = retryPolicy.send(request, sender, deadlineNanos);
        if (exchange.response() == null) {
            if (sender.callerGone()) {
                throw exchange.failure() instanceof InterruptedIOException
                        ? (InterruptedIOException) exchange.failure()
                        : new InterruptedIOException("call cancelled while routing a deprecated call");
            }
            upstreamErrors.add(
                    exchange.failure() instanceof InterruptedIOException
                            ? MigrationEvent.UpstreamError.TIMEOUT
                            : MigrationEvent.UpstreamError.UNREACHABLE);
            return ReplacementOutcome.unreachable(replacement, exchange.failure(), exchange.attempts());
        }
        try (Response response = exchange.response()) {
            if (response.code() >= 500) {
                upstreamErrors.add(MigrationEvent.UpstreamError.SERVER_ERROR);
            }
            return ReplacementOutcome.answered(
                    replacement, response.code(), CloudflareJson.readEnvelope(response), exchange.attempts());
        }
    }

    private void notify(
            LegacyCall call,
            MigrationEvent.Outcome outcome,
            int ids,
            int succeeded,
            int failed,
            List<MigrationEvent.UpstreamError> upstreamErrors,
            long startedNanos) {
        listener.onDeprecatedCall(new MigrationEvent(
                call.deprecation(),
                ids,
                outcome,
                Duration.ofNanos(System.nanoTime() - startedNanos),
                succeeded,
                failed,
                upstreamErrors));
    }

    @Override
    public String toString() {
        return "LegacyCallHandler{" + translation.baseUrls().size() + " base URLs, " + retryPolicy + "}";
    }
}
