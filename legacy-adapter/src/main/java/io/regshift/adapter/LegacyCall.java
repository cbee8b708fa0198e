package io.regshift.adapter;

import io.regshift.core.Deprecation;
import java.util.Objects;
import okhttp3.HttpUrl;

/** A request recognised as a call to a deprecated endpoint: which one, for which account, under which base URL. */
public final class LegacyCall {
    private final Deprecation deprecation;
    private final String accountId;
    private final HttpUrl baseUrl;

    LegacyCall(Deprecation deprecation, String accountId, HttpUrl baseUrl) {
        this.deprecation = Objects.requireNonNull(deprecation);
        this.accountId = Objects.requireNonNull(accountId);
        this.baseUrl = Objects.requireNonNull(baseUrl);
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

    @Override
    public String toString() {
        return "LegacyCall{" + deprecation.deprecated() + " under " + baseUrl + "}";
    }
}
