package io.regshift.adapter;

import io.regshift.core.Deprecation;
import java.io.IOException;

/**
 * Thrown by {@link LegacyRoutingInterceptor} in {@link LegacyRoutingInterceptor.Mode#FAIL FAIL}
 * mode for any call to a deprecated endpoint, so a test suite fails loudly on a leftover call,
 * including one whose URL is built at run time where no scanner sees it.
 *
 * <p>An {@link IOException}, so that it reaches the caller of {@code Call.execute()} and
 * asynchronous callbacks alike, as OkHttp requires of interceptors.
 */
public final class DeprecatedEndpointException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Deprecation deprecation;

    DeprecatedEndpointException(Deprecation deprecation) {
        super(deprecation.deprecated()
                + " is past its end of life ("
                + deprecation.endOfLife()
                + "): call "
                + deprecation.replacement()
                + " instead, with "
                + deprecation.mapping().describe()
                + " (LegacyRoutingInterceptor is in FAIL mode; see "
                + deprecation.documentation()
                + ")");
        this.deprecation = deprecation;
    }

    /** The deprecated endpoint that was called. */
    public Deprecation deprecation() {
        return deprecation;
    }
}
