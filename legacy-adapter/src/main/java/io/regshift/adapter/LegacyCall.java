package io.regshift.adapter;

import io.regshift.core.Deprecation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/** A request recognised as a call to a deprecated endpoint: which one, for which account, under which base URL. */
public final class LegacyCall {
    private final Deprecation deprecation;
    private final String accountId;
    private final HttpUrl baseUrl;
    private final Map<String, String> pathValues;
    private final List<String> queryNames;

    LegacyCall(Deprecation deprecation, String accountId, HttpUrl baseUrl) {
        this(deprecation, accountId, baseUrl, Map.of(), List.of());
    }

    LegacyCall(
            Deprecation deprecation,
            String accountId,
            HttpUrl baseUrl,
            Map<String, String> pathValues,
            List<String> queryNames) {
        this.deprecation = Objects.requireNonNull(deprecation);
        this.accountId = Objects.requireNonNull(accountId);
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.pathValues = Map.copyOf(pathValues);
        this.queryNames = List.copyOf(queryNames);
    }

    public Deprecation deprecation() {
        return deprecation;
    }

    /** The account ID from the path, percent-decoded and not yet validated. */
    public String accountId() {
        return accountId;
    }

    /** The configured base URL the request was under; the replacement calls go under it too. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The path's placeholder values by name, percent-decoded and not yet validated, e.g. {@code device_id}. */
    Map<String, String> pathValues() {
        return pathValues;
    }

    /** The names of the request's query parameters, in order; a read passes on only those with an equivalent. */
    List<String> queryNames() {
        return queryNames;
    }

    @Override
    public String toString() {
        return "LegacyCall{" + deprecation.deprecated() + " under " + baseUrl + "}";
    }
}
