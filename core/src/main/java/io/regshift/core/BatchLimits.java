package io.regshift.core;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * How a list of IDs is split into replacement calls: at most {@link #maxIdsPerCall()} IDs, and a
 * URL of at most {@link #maxUrlLength()} characters, per call. The replacement endpoints take the
 * IDs in the query string, and servers and proxies refuse URLs beyond a few KiB.
 */
public final class BatchLimits {
    /** A URL that OkHttp percent-encodes a lone query parameter against, to learn its encoding. */
    private static final HttpUrl PROBE = HttpUrl.get("http://regshift.invalid/");

    private final int maxIdsPerCall;
    private final int maxUrlLength;

    private BatchLimits(int maxIdsPerCall, int maxUrlLength) {
        if (maxIdsPerCall < 1) {
            throw new IllegalArgumentException("maxIdsPerCall must be at least 1, was " + maxIdsPerCall);
        }
        if (maxUrlLength < 64) {
            throw new IllegalArgumentException("maxUrlLength must be at least 64, was " + maxUrlLength);
        }
        this.maxIdsPerCall = maxIdsPerCall;
        this.maxUrlLength = maxUrlLength;
    }

    /** 200 IDs and 8 KiB (8192 characters) of URL per call. */
    public static BatchLimits defaults() {
        return new BatchLimits(200, 8192);
    }

    public static BatchLimits of(int maxIdsPerCall, int maxUrlLength) {
        return new BatchLimits(maxIdsPerCall, maxUrlLength);
    }

    public int maxIdsPerCall() {
        return maxIdsPerCall;
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    /**
     * The calls that carry {@code ids} to the replacement of {@code deprecation} for one account, in
     * order, every ID in exactly one call.
     *
     * @throws IllegalArgumentException if the account ID is not valid, or one ID alone makes a URL
     *     longer than {@link #maxUrlLength()}
     */
    public List<ReplacementCall> split(
            HttpUrl baseUrl, Deprecation deprecation, String accountId, RegistrationIds ids) {
        List<String> segments = deprecation.replacement().pathSegments(accountId);
        HttpUrl.Builder endpoint = baseUrl.newBuilder();
        for (String segment : segments) {
            endpoint.addPathSegment(segment);
        }
        int prefix = endpointLength(baseUrl, segments, endpoint) + 1; // '?'
        String baseQuery = baseUrl.encodedQuery();
        String parameter = encodeQueryComponent(deprecation.mapping().queryParameter());

        // Each ID is percent-encoded once, here, to measure it; the calls reuse the encoding.
        String[] encodedIds = new String[ids.size()];
        List<ReplacementCall> calls = new ArrayList<>();
        int start = 0;
        int length = prefix;
        for (int i = 0; i < ids.size(); i++) {
            encodedIds[i] = encodeQueryComponent(ids.get(i));
            int piece = parameter.length() + 1 + encodedIds[i].length();
            if (prefix + piece > maxUrlLength) {
                throw new IllegalArgumentException("registration ID ["
                        + i
                        + "] "
                        + Identifiers.quote(ids.get(i))
                        + " is too long: alone it makes a URL of "
                        + (prefix + piece)
                        + " characters, more than the limit of "
                        + maxUrlLength);
            }
            int separator = i == start ? 0 : 1;
            if (i - start == maxIdsPerCall || length + separator + piece > maxUrlLength) {
                calls.add(call(deprecation, endpoint, baseQuery, parameter, encodedIds, ids, start, i));
                start = i;
                length = prefix + piece;
            } else {
                length += separator + piece;
            }
        }
        calls.add(call(deprecation, endpoint, baseQuery, parameter, encodedIds, ids, start, ids.size()));
        return calls;
    }

    /**
     * The length of {@code endpoint}, the base URL with {@code segments} added. Worked out from the
     * base URL, which OkHttp keeps as a string, when no segment needs encoding and the base has no
     * query or fragment (OkHttp replaces a trailing empty segment, {@code .../v4/}); else rendered.
     */
    static int endpointLength(HttpUrl base, List<String> segments, HttpUrl.Builder endpoint) {
        if (base.encodedQuery() != null || base.encodedFragment() != null) {
            return endpoint.toString().length();
        }
        String url = base.toString();
        int length = url.endsWith("/") ? url.length() - 1 : url.length();
        for (String segment : segments) {
            if (!Identifiers.isPlain(segment)) {
                return endpoint.toString().length();
            }
            length += 1 + segment.length();
        }
        return length;
    }

    /**
     * {@code s} percent-encoded exactly as OkHttp's {@code addQueryParameter} encodes a name or a
     * value. The usual IDs (UUIDs) need no encoding and skip OkHttp's per-character encoder.
     */
    static String encodeQueryComponent(String s) {
        if (unreserved(s)) {
            return s;
        }
        return PROBE.newBuilder()
                .addQueryParameter("q", s)
                .build()
                .encodedQuery()
                .substring("q=".length());
    }

    /**
     * Only characters OkHttp leaves as they are in a query component: letters, digits, {@code - . _}.
     * Not {@code ~}, which RFC 3986 calls unreserved but OkHttp encodes there as {@code %7E}.
     */
    private static boolean unreserved(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The call for {@code ids[from, to)}, on the one builder of the split. The IDs are already
     * encoded, so OkHttp only checks them ({@code addEncodedQueryParameter}) instead of encoding
     * them again.
     */
    private static ReplacementCall call(
            Deprecation deprecation,
            HttpUrl.Builder endpoint,
            String baseQuery,
            String parameter,
            String[] encodedIds,
            RegistrationIds ids,
            int from,
            int to) {
        endpoint.encodedQuery(baseQuery);
        for (int i = from; i < to; i++) {
            endpoint.addEncodedQueryParameter(parameter, encodedIds[i]);
        }
        return new ReplacementCall(deprecation, endpoint.build(), ids.range(from, to));
    }

    @Override
    public String toString() {
        return "BatchLimits{maxIdsPerCall=" + maxIdsPerCall + ", maxUrlLength=" + maxUrlLength + "}";
    }
}
