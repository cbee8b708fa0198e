package io.regshift.proxy;

import io.regshift.adapter.MigrationEvent;
import io.regshift.adapter.MigrationEvent.Outcome;
import io.regshift.adapter.MigrationEvent.UpstreamError;
import io.regshift.adapter.MigrationListener;
import io.regshift.core.Deprecation;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The proxy's counters and latency histogram, rendered in Prometheus' text format (0.0.4). Label
 * values come from the catalog and fixed sets, never from requests, so the series stay few and no
 * request data reaches a scraper. It is the listener of the proxy's deprecated calls, so it counts
 * what the adapter's flow reports, as an application's listener would.
 */
final class ProxyMetrics implements MigrationListener {
    /** What a request turned out to be; the {@code route} label. */
    static final String PASSTHROUGH = "passthrough";

    static final String OPERATIONS = "operations";
    static final String LOCAL = "local";

    /**
     * The deprecated call's fates the proxy can meet; the {@code outcome} label. Not {@link
     * Outcome#BLOCKED}, which is the interceptor's FAIL mode.
     */
    static final Set<Outcome> OUTCOMES = EnumSet.of(Outcome.ROUTED, Outcome.FAILED, Outcome.REJECTED, Outcome.BUSY);

    /** Upper bounds in seconds: loopback pass-through is sub-millisecond, retried calls take seconds. */
    private static final double[] BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    private final List<String> endpoints;
    private final Map<String, LongAdder> passthrough = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deprecatedCalls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ids = new ConcurrentHashMap<>();
    private final Map<UpstreamError, LongAdder> upstreamErrors = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private volatile LongSupplier inFlight = () -> 0;
    private volatile LongSupplier deprecatedInFlight = () -> 0;

    ProxyMetrics(List<Deprecation> deprecations) {
        this.endpoints = deprecations.stream().map(Deprecation::id).toList();
        // Every series exists from the start, so rates and alerts work before the first call.
        for (String endpoint : endpoints) {
            for (Outcome outcome : OUTCOMES) {
                deprecatedCalls.put(key(endpoint, label(outcome)), new LongAdder());
            }
            ids.put(key(endpoint, "succeeded"), new LongAdder());
            ids.put(key(endpoint, "failed"), new LongAdder());
            latency.put(endpoint, new Histogram());
        }
        for (String cls : List.of("1xx", "2xx", "3xx", "4xx", "5xx")) {
            passthrough.put(cls, new LongAdder());
        }
        for (UpstreamError kind : UpstreamError.values()) {
            upstreamErrors.put(kind, new LongAdder());
        }
        for (String route : List.of(PASSTHROUGH, OPERATIONS, LOCAL)) {
            latency.put(route, new Histogram());
        }
    }

    void inFlight(LongSupplier supplier) {
        this.inFlight = supplier;
    }

    void deprecatedInFlight(LongSupplier supplier) {
        this.deprecatedInFlight = supplier;
    }

    /** One finished request: its route, status and duration. */
    void request(String route, int status, long nanos) {
        String r = latency.containsKey(route) ? route : LOCAL;
        latency.get(r).observe(nanos / 1e9);
        if (PASSTHROUGH.equals(r)) {
            int cls = status / 100;
            passthrough.get(cls >= 1 && cls <= 5 ? cls + "xx" : "5xx").increment();
        }
    }

    /** Counts a deprecated call, its IDs, and the upstream errors of its replacement calls. */
    @Override
    public void onDeprecatedCall(MigrationEvent event) {
        String endpoint = event.deprecation().id();
        LongAdder calls = deprecatedCalls.get(key(endpoint, label(event.outcome())));
        if (calls != null) {
            calls.increment();
        }
        ids.get(key(endpoint, "succeeded")).add(event.succeededIds());
        ids.get(key(endpoint, "failed")).add(event.failedIds());
        for (UpstreamError kind : event.upstreamErrors()) {
            upstreamError(kind);
        }
    }

    void upstreamError(UpstreamError kind) {
        upstreamErrors.get(kind).increment();
    }

    /** The Prometheus text exposition of every series. */
    String render() {
        StringBuilder out = new StringBuilder(4096);
        header(
                out,
                "regshift_proxy_passthrough_requests_total",
                "counter",
                "Requests passed through to the upstream unchanged, by status class of the answer.");
        for (String cls : List.of("1xx", "2xx", "3xx", "4xx", "5xx")) {
            sample(
                    out,
                    "regshift_proxy_passthrough_requests_total",
                    "status_class=\"" + cls + "\"",
                    passthrough.get(cls).sum());
        }
        header(
                out,
                "regshift_proxy_deprecated_calls_total",
                "counter",
                "Calls to deprecated endpoints, by endpoint and outcome (routed: every ID accepted; failed: some not; rejected: refused before sending).");
        for (String endpoint : endpoints) {
            for (Outcome outcome : OUTCOMES) {
                sample(
                        out,
                        "regshift_proxy_deprecated_calls_total",
                        "endpoint=\"" + endpoint + "\",outcome=\"" + label(outcome) + "\"",
                        deprecatedCalls.get(key(endpoint, label(outcome))).sum());
            }
        }
        header(
                out,
                "regshift_proxy_registration_ids_total",
                "counter",
                "Registration IDs of routed deprecated calls, by endpoint and result (succeeded: revoked or unrevoked).");
        for (String endpoint : endpoints) {
            for (String result : List.of("succeeded", "failed")) {
                sample(
                        out,
                        "regshift_proxy_registration_ids_total",
                        "endpoint=\"" + endpoint + "\",result=\"" + result + "\"",
                        ids.get(key(endpoint, result)).sum());
            }
        }
        header(
                out,
                "regshift_proxy_upstream_errors_total",
                "counter",
                "Exchanges with the upstream that failed: unreachable, timeout, or a 5xx answer.");
        for (UpstreamError kind : UpstreamError.values()) {
            sample(
                    out,
                    "regshift_proxy_upstream_errors_total",
                    "kind=\"" + label(kind) + "\"",
                    upstreamErrors.get(kind).sum());
        }
        header(out, "regshift_proxy_in_flight_requests", "gauge", "Requests being served now.");
        sample(out, "regshift_proxy_in_flight_requests", null, inFlight.getAsLong());
        header(
                out,
                "regshift_proxy_deprecated_calls_in_flight",
                "gauge",
                "Deprecated calls being served now (reading their body or waiting on the upstream), at most the proxy's capacity for them.");
        sample(out, "regshift_proxy_deprecated_calls_in_flight", null, deprecatedInFlight.getAsLong());
        header(
                out,
                "regshift_proxy_request_duration_seconds",
                "histogram",
                "Time from a request's arrival to the end of its answer, by route (passthrough, a deprecated endpoint, operations, local).");
        for (Map.Entry<String, Histogram> entry : new java.util.TreeMap<>(latency).entrySet()) {
            entry.getValue().render(out, "regshift_proxy_request_duration_seconds", "route=\"" + entry.getKey() + "\"");
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name);
        if (labels != null) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    private static String key(String a, String b) {
        return a + '\u0000' + b;
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A fixed-bucket histogram; buckets are cumulative only when rendered. */
    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += counts[i].sum();
                out.append(name)
                        .append("_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(BUCKETS[i])
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            cumulative += counts[BUCKETS.length].sum();
            out.append(name)
                    .append("_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(cumulative)
                    .append('\n');
            out.append(name)
                    .append("_sum{")
                    .append(labels)
                    .append("} ")
                    .append(sum.sum())
                    .append('\n');
            out.append(name)
                    .append("_count{")
                    .append(labels)
                    .append("} ")
                    .append(cumulative)
                    .append('\n');
        }
    }
}
