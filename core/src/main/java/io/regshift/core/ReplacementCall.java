package io.regshift.core;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One call to a replacement endpoint, as planned: its method, its full URL, IDs included, and
 * those IDs. What is planned is what is sent, so a dry run shows the requests a run makes.
 */
public final class ReplacementCall {
    private final Deprecation deprecation;
    private final HttpUrl url;
    private final RegistrationIds ids;

    ReplacementCall(Deprecation deprecation, HttpUrl url, RegistrationIds ids) {
        this.deprecation = Objects.requireNonNull(deprecation);
        this.url = Objects.requireNonNull(url);
        this.ids = Objects.requireNonNull(ids);
    }

    /** The HTTP method, the catalog's for the replacement endpoint, e.g. {@code POST}. */
    public String method() {
        return deprecation.replacement().method();
    }

    /** The URL, with one {@code id} query parameter per ID, percent-encoded. */
    public HttpUrl url() {
        return url;
    }

    /** The IDs this call carries. */
    public RegistrationIds ids() {
        return ids;
    }

    /** The deprecation whose replacement this call is. */
    Deprecation deprecation() {
        return deprecation;
    }

    @Override
    public String toString() {
        return "ReplacementCall{" + method() + ", " + ids.size() + " IDs, "
                + url.toString().length() + " chars}";
    }
}
