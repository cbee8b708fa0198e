package io.regshift.proxy;

import io.regshift.core.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The one place the proxy forwards to: an http or https base URL such as {@code
 * https://api.cloudflare.com/client/v4}. The proxy serves the same path prefix ({@code /client/v4})
 * and sends every request to the same origin, so a client changes only scheme, host and port.
 */
final class Upstream {
    private final HttpUrl baseUrl;
    private final String origin;
    private final String prefix;
    private final String hostHeader;

    private Upstream(HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        String host = baseUrl.host().contains(":") ? "[" + baseUrl.host() + "]" : baseUrl.host();
        boolean defaultPort = baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme());
        this.hostHeader = defaultPort ? host : host + ":" + baseUrl.port();
        this.origin = baseUrl.scheme() + "://" + hostHeader;
        String path = baseUrl.encodedPath();
        this.prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Parses the upstream base URL.
     *
     * @throws IllegalArgumentException naming what is wrong; a value that may hold user info is
     *     never echoed
     */
    static Upstream parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "upstream URL is empty; expected an http or https URL such as https://api.cloudflare.com/client/v4");
        }
        String shown = "\"" + Credentials.redactUrl(value) + "\"";
        HttpUrl url = HttpUrl.parse(value.strip());
        if (url == null) {
            throw new IllegalArgumentException("upstream URL "
                    + shown
                    + " is not an http or https URL; expected something like https://api.cloudflare.com/client/v4");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException(
                    "upstream URL must not contain user info; the proxy forwards each caller's own credentials");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("upstream URL " + shown + " must not have a query or fragment");
        }
        return new Upstream(url);
    }

    /** The base URL, as given (normalised). */
    HttpUrl baseUrl() {
        return baseUrl;
    }

    /** {@code https://api.cloudflare.com}: scheme, host and port, where every request goes. */
    String origin() {
        return origin;
    }

    /** The encoded path prefix the proxy serves, e.g. {@code /client/v4}; empty for the root. */
    String prefix() {
        return prefix;
    }

    /** The {@code Host} header of a request to the upstream. */
    String hostHeader() {
        return hostHeader;
    }

    /** Whether an encoded request path is under the prefix. */
    boolean covers(String encodedPath) {
        return prefix.isEmpty()
                || encodedPath.equals(prefix)
                || (encodedPath.startsWith(prefix) && encodedPath.charAt(prefix.length()) == '/');
    }

    /** The upstream URI for an encoded path and query, kept byte for byte; empty if no URI can hold them. */
    Optional<URI> target(String encodedPath, String encodedQuery) {
        try {
            return Optional.of(new URI(origin + encodedPath + (encodedQuery == null ? "" : "?" + encodedQuery)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The same request as the deprecated-call recogniser sees it: the upstream's URL. */
    Optional<HttpUrl> asUpstreamUrl(String encodedPath, String encodedQuery) {
        return Optional.ofNullable(
                HttpUrl.parse(origin + encodedPath + (encodedQuery == null ? "" : "?" + encodedQuery)));
    }

    @Override
    public String toString() {
        return origin + prefix;
    }
}
