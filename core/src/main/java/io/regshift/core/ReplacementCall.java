package io.regshift.core;

import java.util.Objects;
import okhttp3.HttpUrl;

/** One call to a replacement endpoint: its full URL, IDs included, and those IDs. */
public final class ReplacementCall {
    private final HttpUrl url;
    private final RegistrationIds ids;

    ReplacementCall(HttpUrl url, RegistrationIds ids) {
        this.url = Objects.requireNonNull(url);
        this.ids = Objects.requireNonNull(ids);
    }

    /** The URL, with one {@code id} query parameter per ID, percent-encoded. */
    public HttpUrl url() {
        return url;
    }

    /** The IDs this call carries. */
    public RegistrationIds ids() {
        return ids;
    }

    @Override
    public String toString() {
        return "ReplacementCall{" + ids.size() + " IDs, " + url.toString().length() + " chars}";
    }
}
