package io.regshift.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP endpoint of the Cloudflare API: a method and a path template relative to the API's
 * base URL, such as {@code POST /accounts/{account_id}/devices/revoke}.
 *
 * <p>Templates have literal segments and {@code {name}} placeholders. Every template has {@code
 * {account_id}}; the reads have one more, such as {@code {device_id}}. {@link #pathSegments(String)}
 * substitutes the account, {@link #match(List, int)} recognises a concrete path and returns every
 * placeholder's value.
 */
public final class Endpoint {
    /** The placeholder for the account in every path template of the catalog. */
    public static final String ACCOUNT_ID = "{account_id}";

    private final String method;
    private final String pathTemplate;
    private final List<String> segments;

    private Endpoint(String method, String pathTemplate) {
        this.method = Objects.requireNonNull(method, "method");
        this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!pathTemplate.startsWith("/") || pathTemplate.endsWith("/")) {
            throw new IllegalArgumentException(
                    "path template must start with '/' and not end with one: " + pathTemplate);
        }
        this.segments = List.of(pathTemplate.substring(1).split("/", -1));
        if (!segments.contains(ACCOUNT_ID)) {
            throw new IllegalArgumentException("path template lacks " + ACCOUNT_ID + ": " + pathTemplate);
        }
    }

    /** A {@code POST} endpoint with the given path template. */
    public static Endpoint post(String pathTemplate) {
        return new Endpoint("POST", pathTemplate);
    }

    /** A {@code GET} endpoint with the given path template. */
    public static Endpoint get(String pathTemplate) {
        return new Endpoint("GET", pathTemplate);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path template, starting with {@code /}, relative to the API base URL. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The template's segments, placeholders included, e.g. {@code [accounts, {account_id}, devices, revoke]}. */
    public List<String> templateSegments() {
        return segments;
    }

    /** The template's segments after the account placeholder, e.g. {@code [devices, revoke]}. */
    public List<String> segmentsAfterAccount() {
        return segments.subList(segments.indexOf(ACCOUNT_ID) + 1, segments.size());
    }

    /** The template's placeholder names in path order, braces removed, e.g. {@code [account_id, device_id]}. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (isPlaceholder(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return Collections.unmodifiableList(names);
    }

    private static boolean isPlaceholder(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /**
     * The raw (not yet percent-encoded) path segments for one account. The caller encodes them,
     * for example with OkHttp's {@code HttpUrl.Builder.addPathSegment}.
     */
    public List<String> pathSegments(String accountId) {
        Identifiers.requireValidAccountId(accountId);
        List<String> out = new ArrayList<>(segments.size());
        for (String segment : segments) {
            out.add(segment.equals(ACCOUNT_ID) ? accountId : segment);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * If the decoded path segments are this template with a concrete account, that account.
     * Literal segments must match exactly; each placeholder may hold any non-empty value, which the
     * caller validates before use.
     */
    public Optional<String> matchAccountId(List<String> decodedSegments) {
        return matchAccountId(decodedSegments, 0);
    }

    /**
     * As {@link #matchAccountId(List)}, for the segments of {@code decodedSegments} from {@code from}
     * on: a request path under a base URL's own segments, compared without copying it.
     */
    public Optional<String> matchAccountId(List<String> decodedSegments, int from) {
        return matches(decodedSegments, from)
                ? Optional.of(decodedSegments.get(from + segments.indexOf(ACCOUNT_ID)))
                : Optional.empty();
    }

    /**
     * If the segments of {@code decodedSegments} from {@code from} on are this template with
     * concrete values, each placeholder's value by its name (braces removed), in path order. A
     * placeholder matches any non-empty segment, so {@code /devices/{device_id}} also matches
     * {@code /devices/policy}: a caller that must tell an ID from a live sub-resource checks the
     * value.
     */
    public Optional<Map<String, String>> match(List<String> decodedSegments, int from) {
        if (!matches(decodedSegments, from)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (isPlaceholder(expected)) {
                values.put(expected.substring(1, expected.length() - 1), decodedSegments.get(from + i));
            }
        }
        return Optional.of(Collections.unmodifiableMap(values));
    }

    /** Compared in place, without copies: most requests a caller checks are not this endpoint. */
    private boolean matches(List<String> decodedSegments, int from) {
        if (decodedSegments.size() - from != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = decodedSegments.get(from + i);
            if (isPlaceholder(expected) ? actual.isEmpty() : !expected.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint
                && method.equals(((Endpoint) o).method)
                && pathTemplate.equals(((Endpoint) o).pathTemplate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, pathTemplate);
    }

    /** {@code POST /accounts/{account_id}/devices/revoke}. */
    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
