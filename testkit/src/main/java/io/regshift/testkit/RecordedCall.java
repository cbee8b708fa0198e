package io.regshift.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request {@link FakeCloudflare} received, as it understood it, and what it answered. The
 * journal of these is how tests check batching ("three calls of at most 200 IDs"), auth
 * forwarding and retries.
 */
public final class RecordedCall {
    private final int sequence;
    private final Instant receivedAt;
    private final String method;
    private final String url;
    private final FakeCloudflare.Route route;
    private final String accountId;
    private final List<String> ids;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final int status;
    private final Fault fault;

    RecordedCall(
            int sequence,
            Instant receivedAt,
            String method,
            String url,
            FakeCloudflare.Route route,
            String accountId,
            List<String> ids,
            Map<String, List<String>> headers,
            byte[] body,
            int status,
            Fault fault) {
        this.sequence = sequence;
        this.receivedAt = receivedAt;
        this.method = method;
        this.url = url;
        this.route = route;
        this.accountId = accountId;
        this.ids = List.copyOf(ids);
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        this.headers = java.util.Collections.unmodifiableMap(sorted);
        this.body = body.clone();
        this.status = status;
        this.fault = fault;
    }

    /** 1 for the first request since the last reset, and so on. */
    public int sequence() {
        return sequence;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String method() {
        return method;
    }

    /** The request target as received: path and query, still percent-encoded. */
    public String url() {
        return url;
    }

    public FakeCloudflare.Route route() {
        return route;
    }

    /** The decoded account ID from the path, if the route has one. */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /**
     * The registration IDs the request carried, decoded, in order: the {@code id} query parameters
     * of a replacement call, or the JSON array body of a legacy call when it was one.
     */
    public List<String> ids() {
        return ids;
    }

    /** The first value of a request header, case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every request header, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Which auth scheme the request used, judged by its headers alone. */
    public FakeCloudflare.AuthScheme authScheme() {
        if (header("Authorization").filter(v -> v.startsWith("Bearer ")).isPresent()) {
            return FakeCloudflare.AuthScheme.API_TOKEN;
        }
        if (header("X-Auth-Key").isPresent() || header("X-Auth-Email").isPresent()) {
            return FakeCloudflare.AuthScheme.API_KEY;
        }
        return FakeCloudflare.AuthScheme.NONE;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The HTTP status answered; 0 when the connection was reset instead. */
    public int status() {
        return status;
    }

    /** The fault injected into this request, if any. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public String toString() {
        return "#"
                + sequence
                + " "
                + method
                + " "
                + route
                + " account="
                + accountId
                + " ids="
                + ids.size()
                + " -> "
                + status
                + (fault == null ? "" : " (" + fault + ")");
    }
}
