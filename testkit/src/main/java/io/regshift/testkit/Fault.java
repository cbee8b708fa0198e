package io.regshift.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure {@link FakeCloudflare} injects into the requests it receives: rate limiting, a server
 * error, a reset connection, or latency. A fault applies to every request unless narrowed with
 * {@link #onRequest(int)}, {@link #onRoute(FakeCloudflare.Route)}, {@link #onPage(int)}, {@link
 * #onFraction(double)}, {@link #whenIdPresent(String)} and {@link #times(int)}; narrowings combine
 * (all must hold).
 *
 * <pre>{@code
 * cloudflare.inject(Fault.serverError(503).onRequest(2));           // the second request
 * cloudflare.inject(Fault.rateLimited(Duration.ofSeconds(1)).times(3)); // the first three
 * cloudflare.inject(Fault.connectionReset().onFraction(0.2));       // a fifth, at random
 * cloudflare.inject(Fault.serverError(500).whenIdPresent("id-7"));  // any call carrying id-7
 * cloudflare.inject(Fault.serverError(502).onRoute(Route.REGISTRATIONS_LIST).onPage(3).times(1));
 * }</pre>
 *
 * <p>A rate limit, a server error or a reset takes effect before the fake looks at the request,
 * so nothing is revoked by it. Latency delays the response of a request that is otherwise served
 * normally, state change included, as a slow server would.
 */
public final class Fault {
    /** The kinds of fault. */
    public enum Kind {
        /** HTTP 429 with a {@code Retry-After} header and a Cloudflare error envelope. */
        RATE_LIMITED,
        /** An HTTP 5xx status with a Cloudflare error envelope. */
        SERVER_ERROR,
        /** The connection is reset before any response is written. */
        CONNECTION_RESET,
        /** The normal response, sent after a delay. */
        LATENCY
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final int onRequest;
    private final double fraction;
    private final String idPresent;
    private final int times;
    private final FakeCloudflare.Route route;
    private final int page;

    private Fault(
            Kind kind,
            int status,
            Duration duration,
            int onRequest,
            double fraction,
            String idPresent,
            int times,
            FakeCloudflare.Route route,
            int page) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.onRequest = onRequest;
        this.fraction = fraction;
        this.idPresent = idPresent;
        this.times = times;
        this.route = route;
        this.page = page;
    }

    private static Fault of(Kind kind, int status, Duration duration) {
        return new Fault(kind, status, duration, 0, 1.0, null, Integer.MAX_VALUE, null, 0);
    }

    /** HTTP 429 with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault rateLimited(Duration retryAfter) {
        requireNonNegative(retryAfter);
        return of(Kind.RATE_LIMITED, 429, retryAfter);
    }

    /** HTTP {@code status} (500 to 599) with an error envelope whose code is the status. */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error status is 500..599, was " + status);
        }
        return of(Kind.SERVER_ERROR, status, Duration.ZERO);
    }

    /** The connection is reset by the server; the client sees an I/O error and no response. */
    public static Fault connectionReset() {
        return of(Kind.CONNECTION_RESET, 0, Duration.ZERO);
    }

    /** The request is served normally, but its response is held back for {@code delay}. */
    public static Fault latency(Duration delay) {
        requireNonNegative(delay);
        return of(Kind.LATENCY, 0, delay);
    }

    /** Only the {@code n}-th request the fake receives (counting from 1 since the last reset). */
    public Fault onRequest(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("requests count from 1, was " + n);
        }
        return new Fault(kind, status, duration, n, fraction, idPresent, times, route, page);
    }

    /** Each request with probability {@code p}, drawn from the fake's seeded random source. */
    public Fault onFraction(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("a fraction is between 0 and 1, was " + p);
        }
        return new Fault(kind, status, duration, onRequest, p, idPresent, times, route, page);
    }

    /**
     * Only requests that carry this ID: in the {@code id} query parameters, the legacy JSON body, or
     * the path of a get or override-codes read.
     */
    public Fault whenIdPresent(String id) {
        return new Fault(
                kind, status, duration, onRequest, fraction, Objects.requireNonNull(id, "id"), times, route, page);
    }

    /** Only requests on this route, e.g. {@code Route.PHYSICAL_DEVICES_LIST}. */
    public Fault onRoute(FakeCloudflare.Route route) {
        return new Fault(
                kind,
                status,
                duration,
                onRequest,
                fraction,
                idPresent,
                times,
                Objects.requireNonNull(route, "route"),
                page);
    }

    /**
     * Only requests for the {@code n}-th page of a list (counting from 1: the request without a
     * {@code cursor} is page 1, the one with the cursor it returned is page 2, and so on). Requests
     * that are not for a page of a list never match; combine with {@link #onRoute} to pick a list.
     */
    public Fault onPage(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("pages count from 1, was " + n);
        }
        return new Fault(kind, status, duration, onRequest, fraction, idPresent, times, route, n);
    }

    /** At most {@code n} times in all; later requests that match are served normally. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + n);
        }
        return new Fault(kind, status, duration, onRequest, fraction, idPresent, n, route, page);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status a rate limit or server error answers with; 0 for the others. */
    public int status() {
        return status;
    }

    /** {@code Retry-After} of a rate limit, or the delay of latency; zero for the others. */
    public Duration duration() {
        return duration;
    }

    int onRequestNumber() {
        return onRequest;
    }

    double fraction() {
        return fraction;
    }

    String idPresent() {
        return idPresent;
    }

    int maxTimes() {
        return times;
    }

    FakeCloudflare.Route route() {
        return route;
    }

    int page() {
        return page;
    }

    private static void requireNonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + d);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT));
        if (status != 0) {
            s.append(' ').append(status);
        }
        if (!duration.isZero()) {
            s.append(' ').append(duration);
        }
        if (onRequest != 0) {
            s.append(" on request ").append(onRequest);
        }
        if (fraction < 1.0) {
            s.append(" on fraction ").append(fraction);
        }
        if (route != null) {
            s.append(" on ").append(route);
        }
        if (page != 0) {
            s.append(" on page ").append(page);
        }
        if (idPresent != null) {
            s.append(" when id ").append(idPresent);
        }
        if (times != Integer.MAX_VALUE) {
            s.append(" at most ").append(times).append(" times");
        }
        return s.toString();
    }
}
