package io.regshift.adapter;

import io.regshift.core.CloudflareJson;
import io.regshift.core.LegacyDevice;
import io.regshift.core.PhysicalDevice;
import io.regshift.core.Registration;
import io.regshift.core.ReplacementCall;
import io.regshift.core.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        if (!call.deprecation().isWrite()) {
            return handleRead(call, sender, deadlineNanos, startedNanos);
        }
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

    /**
     * Serves a deprecated read: every page of the replacement lists, or the replacement gets, read
     * in turn and joined into the old answer. A read that fails fails the call, except the physical
     * device of a single device, without which the device is still answered.
     */
    private LegacyResponse handleRead(LegacyCall call, ReplacementSender sender, long deadlineNanos, long startedNanos)
            throws InterruptedIOException {
        Optional<LegacyResponse> refusal = LegacyReads.refusal(call);
        if (refusal.isPresent()) {
            report(call, MigrationEvent.Outcome.REJECTED, startedNanos);
            return refusal.get();
        }
        Request caller;
        try {
            caller = sender.caller();
        } catch (IllegalArgumentException e) {
            report(call, MigrationEvent.Outcome.REJECTED, startedNanos);
            return LegacyTranslation.rejection(
                    ErrorCodes.BAD_REQUEST, "a request header can't be forwarded: " + e.getMessage());
        }
        Reads reads = new Reads(caller, sender, deadlineNanos);
        LegacyResponse answer;
        switch (call.deprecation().mapping().answer()) {
            case LEGACY_DEVICE_LIST:
                answer = list(call, reads);
                break;
            case LEGACY_DEVICE:
                answer = device(call, reads);
                break;
            default:
                answer = overrideCodes(call, reads);
                break;
        }
        notify(
                call,
                answer.status() == 200 ? MigrationEvent.Outcome.ROUTED : MigrationEvent.Outcome.FAILED,
                0,
                0,
                0,
                reads.upstreamErrors,
                startedNanos);
        return answer;
    }

    private LegacyResponse list(LegacyCall call, Reads reads) throws InterruptedIOException {
        Map<String, PhysicalDevice> physical = new HashMap<>();
        List<Registration> registrations = new ArrayList<>();
        for (int index = 1; index >= 0; index--) {
            String cursor = null;
            Set<String> cursors = new HashSet<>();
            do {
                HttpUrl url = LegacyReads.page(call, index, cursor);
                String what = "GET " + url.encodedPath() + " (page " + (cursors.size() + 1) + ")";
                ReplacementOutcome outcome = reads.get(url);
                if (!outcome.succeeded()) {
                    return LegacyReads.failure(what, outcome, reads.calls);
                }
                try {
                    if (index == 1) {
                        for (PhysicalDevice device : LegacyReads.physicalDevices(outcome.envelope())) {
                            physical.put(device.id(), device);
                        }
                    } else {
                        registrations.addAll(LegacyReads.registrations(outcome.envelope()));
                    }
                } catch (IllegalArgumentException e) {
                    return LegacyReads.malformed(what, e, reads.calls);
                }
                cursor = LegacyReads.nextCursor(outcome.envelope());
                if (cursor != null && !cursors.add(cursor)) {
                    return LegacyReads.malformed(
                            what,
                            new IllegalArgumentException(
                                    "it sent a cursor it had sent before; the list would never end"),
                            reads.calls);
                }
            } while (cursor != null);
        }
        List<LegacyDevice> devices = new ArrayList<>(registrations.size());
        List<String> withoutPhysical = new ArrayList<>();
        for (Registration registration : registrations) {
            PhysicalDevice device = physical.get(LegacyReads.joinValue(registration));
            if (device == null) {
                withoutPhysical.add(registration.id());
                devices.add(LegacyDevice.of(registration));
            } else {
                devices.add(LegacyDevice.of(registration, device));
            }
        }
        return LegacyReads.list(devices, withoutPhysical, reads.calls);
    }

    private LegacyResponse device(LegacyCall call, Reads reads) throws InterruptedIOException {
        HttpUrl url = LegacyReads.get(call, 0, null);
        String what = "GET " + url.encodedPath();
        ReplacementOutcome outcome = reads.get(url);
        if (!outcome.succeeded()) {
            return LegacyReads.failure(what, outcome, reads.calls);
        }
        Registration registration;
        try {
            registration = LegacyReads.registration(outcome.envelope());
        } catch (IllegalArgumentException e) {
            return LegacyReads.malformed(what, e, reads.calls);
        }
        String deviceId = LegacyReads.joinValue(registration);
        if (deviceId == null) {
            return LegacyReads.device(LegacyDevice.of(registration), "the registration names none", reads.calls);
        }
        HttpUrl physicalUrl = LegacyReads.get(call, 1, deviceId);
        ReplacementOutcome physical = reads.get(physicalUrl);
        if (!physical.succeeded()) {
            String reason = LegacyTranslation.errorsOf(physical).get(0).message();
            return LegacyReads.device(
                    LegacyDevice.of(registration),
                    "GET " + physicalUrl.encodedPath() + ": "
                            + (physical.status() == 0 ? "" : "HTTP " + physical.status() + ", ") + reason,
                    reads.calls);
        }
        try {
            return LegacyReads.device(
                    LegacyDevice.of(registration, LegacyReads.physicalDevice(physical.envelope())), null, reads.calls);
        } catch (IllegalArgumentException e) {
            return LegacyReads.device(
                    LegacyDevice.of(registration),
                    "GET " + physicalUrl.encodedPath() + ": " + e.getMessage(),
                    reads.calls);
        }
    }

    private LegacyResponse overrideCodes(LegacyCall call, Reads reads) throws InterruptedIOException {
        HttpUrl url = LegacyReads.get(call, 0, null);
        String what = "GET " + url.encodedPath();
        ReplacementOutcome outcome = reads.get(url);
        if (!outcome.succeeded()) {
            return LegacyReads.failure(what, outcome, reads.calls);
        }
        try {
            return LegacyReads.overrideCodes(LegacyReads.overrideCodes(outcome.envelope()), reads.calls);
        } catch (IllegalArgumentException e) {
            return LegacyReads.malformed(what, e, reads.calls);
        }
    }

    /** The GETs of one deprecated read, sent with the caller's headers under one deadline. */
    private final class Reads {
        final Request caller;
        final ReplacementSender sender;
        final long deadlineNanos;
        final List<MigrationEvent.UpstreamError> upstreamErrors = new ArrayList<>();
        int calls;

        Reads(Request caller, ReplacementSender sender, long deadlineNanos) {
            this.caller = caller;
            this.sender = sender;
            this.deadlineNanos = deadlineNanos;
        }

        ReplacementOutcome get(HttpUrl url) throws InterruptedIOException {
            calls++;
            Optional<IOException> unavailable = sender.unavailable();
            if (unavailable.isPresent()) {
                return ReplacementOutcome.unreachable(unavailable.get(), 0);
            }
            Request request = caller.newBuilder()
                    .url(url)
                    .get()
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
                return ReplacementOutcome.unreachable(exchange.failure(), exchange.attempts());
            }
            try (Response response = exchange.response()) {
                if (response.code() >= 500) {
                    upstreamErrors.add(MigrationEvent.UpstreamError.SERVER_ERROR);
                }
                return ReplacementOutcome.answered(
                        response.code(), CloudflareJson.readEnvelope(response), exchange.attempts());
            }
        }
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
