package io.regshift.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP endpoint of the Cloudflare API: a method and a path template relative to the API's
 * base URL, such as {@code POST /accounts/{account_id}/devices/revoke}.
 *
 * <p>Templates have literal segments and {@code {name}} placeholders. The only placeholder the
 * catalog uses is {@code {account_id}}; {@link #pathSegments(String)} substitutes it and
 * {@link #matchAccountId(List)} recognises a concrete path.
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
     * Segments must match exactly; the account segment may hold any non-empty value, which the
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
        if (decodedSegments.size() - from != segments.size()) {
            return Optional.empty();
        }
        String account = null;
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = decodedSegments.get(from + i);
            if (expected.equals(ACCOUNT_ID)) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                account = actual;
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(account);
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
