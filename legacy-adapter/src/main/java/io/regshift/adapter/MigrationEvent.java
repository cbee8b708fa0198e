package io.regshift.adapter;

import io.regshift.core.Deprecation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One call to a deprecated endpoint that a transport (the interceptor, the proxy) saw: never the
 * IDs or the credentials, only how many and how it went.
 */
public final class MigrationEvent {
    /** What happened to the call. */
    public enum Outcome {
        /** Routed to the replacement; every ID was accepted. */
        ROUTED,
        /** Routed, but some or all IDs were not accepted; the answer lists them. */
        FAILED,
        /** Refused before anything was sent: the body or an ID could not be translated, or the body came too late. */
        REJECTED,
        /** Stopped with a {@link DeprecatedEndpointException}: the interceptor is in FAIL mode. */
        BLOCKED,
        /** Turned away before its body was read, with 503: the proxy was serving as many deprecated calls as it takes. */
        BUSY
    }

    /** Why the last attempt of a replacement call failed. */
    public enum UpstreamError {
        /** No connection, or it broke before an answer. */
        UNREACHABLE,
        /** No answer in time. */
        TIMEOUT,
        /** A 5xx answer. */
        SERVER_ERROR
    }

    private final Deprecation deprecation;
    private final int idCount;
    private final Outcome outcome;
    private final Duration duration;
    private final int succeededIds;
    private final int failedIds;
    private final List<UpstreamError> upstreamErrors;

    MigrationEvent(Deprecation deprecation, int idCount, Outcome outcome, Duration duration) {
        this(deprecation, idCount, outcome, duration, 0, 0, List.of());
    }

    MigrationEvent(
            Deprecation deprecation,
            int idCount,
            Outcome outcome,
            Duration duration,
            int succeededIds,
            int failedIds,
            List<UpstreamError> upstreamErrors) {
        this.deprecation = Objects.requireNonNull(deprecation);
        this.idCount = idCount;
        this.outcome = Objects.requireNonNull(outcome);
        this.duration = Objects.requireNonNull(duration);
        this.succeededIds = succeededIds;
        this.failedIds = failedIds;
        this.upstreamErrors = List.copyOf(upstreamErrors);
    }

    public Deprecation deprecation() {
        return deprecation;
    }

    /** The number of distinct IDs in the call; 0 when its body could not be read. */
    public int idCount() {
        return idCount;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** From the transport seeing the call to its answer, retries included. */
    public Duration duration() {
        return duration;
    }

    /** How many IDs the replacement accepted; 0 unless the call was routed. */
    public int succeededIds() {
        return succeededIds;
    }

    /** How many IDs were not done (the answer's {@code result.failed_ids}); 0 unless the call was routed. */
    public int failedIds() {
        return failedIds;
    }

    /** One entry per replacement call whose last attempt failed without an answer or with a 5xx. */
    public List<UpstreamError> upstreamErrors() {
        return upstreamErrors;
    }

    @Override
    public String toString() {
        return deprecation.deprecated() + ": " + outcome + ", " + idCount + " IDs, " + duration.toMillis() + " ms";
    }
}
