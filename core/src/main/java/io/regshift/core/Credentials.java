package io.regshift.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * How regshift authenticates to Cloudflare: an API token ({@code Authorization: Bearer}, preferred)
 * or an account email with the global API key ({@code X-Auth-Email}, {@code X-Auth-Key}).
 *
 * <p>The secrets are only ever written into request headers: {@link #toString()} never shows them,
 * and neither does any error message.
 */
public final class Credentials {
    /** The environment variables the official SDKs read, and regshift too. */
    public static final String ENV_API_TOKEN = "CLOUDFLARE_API_TOKEN";

    public static final String ENV_EMAIL = "CLOUDFLARE_EMAIL";
    public static final String ENV_API_KEY = "CLOUDFLARE_API_KEY";

    private final String token;
    private final String email;
    private final String apiKey;

    private Credentials(String token, String email, String apiKey) {
        this.token = token;
        this.email = email;
        this.apiKey = apiKey;
    }

    /** An API token, sent as {@code Authorization: Bearer <token>}. */
    public static Credentials apiToken(String token) {
        requireHeaderSafe("API token", token);
        return new Credentials(token, null, null);
    }

    /** An account email and global API key, sent as {@code X-Auth-Email} and {@code X-Auth-Key}. */
    public static Credentials apiKey(String email, String apiKey) {
        requireHeaderSafe("email", email);
        requireHeaderSafe("API key", apiKey);
        return new Credentials(null, email, apiKey);
    }

    /**
     * Credentials from {@code CLOUDFLARE_API_TOKEN}, or else from {@code CLOUDFLARE_EMAIL} with
     * {@code CLOUDFLARE_API_KEY}; empty when none is set. Blank values count as unset.
     *
     * @throws IllegalArgumentException if only one of the email and the key is set, or a value is
     *     not usable in an HTTP header
     */
    public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
        String token = nonBlank(env.get(ENV_API_TOKEN));
        if (token != null) {
            return Optional.of(apiToken(token));
        }
        String email = nonBlank(env.get(ENV_EMAIL));
        String key = nonBlank(env.get(ENV_API_KEY));
        if (email == null && key == null) {
            return Optional.empty();
        }
        if (email == null || key == null) {
            throw new IllegalArgumentException((email == null ? ENV_API_KEY : ENV_EMAIL)
                    + " is set but "
                    + (email == null ? ENV_EMAIL : ENV_API_KEY)
                    + " is not; the global API key needs both (or set "
                    + ENV_API_TOKEN
                    + ")");
        }
        return Optional.of(apiKey(email, key));
    }

    /**
     * A configured URL as it may be printed or logged: user info, query and fragment, which may hold
     * credentials ({@code https://user:secret@host/?token=...}), become {@code ***}, and control
     * characters are escaped. Values that are not URLs are cut the same way, conservatively (from
     * the first {@code ?} or {@code #}, and up to the last {@code @}). Every message that shows a
     * base URL or upstream goes through this.
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return "null";
        }
        String value = url.strip();
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed != null) {
            StringBuilder shown = new StringBuilder(parsed.scheme()).append("://");
            if (!parsed.encodedUsername().isEmpty() || !parsed.encodedPassword().isEmpty()) {
                shown.append("***@");
            }
            shown.append(parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host());
            if (parsed.port() != HttpUrl.defaultPort(parsed.scheme())) {
                shown.append(':').append(parsed.port());
            }
            shown.append(parsed.encodedPath());
            if (parsed.encodedQuery() != null) {
                shown.append("?***");
            }
            if (parsed.encodedFragment() != null) {
                shown.append("#***");
            }
            return shown.toString();
        }
        int cut = value.length();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '?' || value.charAt(i) == '#') {
                cut = i;
                break;
            }
        }
        String head = value.substring(0, cut);
        int at = head.lastIndexOf('@');
        if (at >= 0) {
            int authority = head.indexOf("://");
            int from = authority >= 0 && authority < at ? authority + 3 : 0;
            head = head.substring(0, from) + "***" + head.substring(at);
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.append(cut < value.length() ? value.charAt(cut) + "***" : "")
                .toString();
    }

    /** {@code API token} or {@code email + API key}: which scheme, never the secret. */
    public String scheme() {
        return token != null ? "API token" : "email + API key";
    }

    /** Sets this scheme's headers on the request. */
    void applyTo(Request.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else {
            request.header("X-Auth-Email", email);
            request.header("X-Auth-Key", apiKey);
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Header values must be visible ASCII; the message names the position, never the value. */
    private static void requireHeaderSafe(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(what
                        + " contains a character that can't be sent in an HTTP header, at index "
                        + i
                        + " (the value is not shown)");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Credentials)) {
            return false;
        }
        Credentials other = (Credentials) o;
        return Objects.equals(token, other.token)
                && Objects.equals(email, other.email)
                && Objects.equals(apiKey, other.apiKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, email, apiKey);
    }

    /** Names the scheme; the secrets are never shown. */
    @Override
    public String toString() {
        return "Credentials[" + scheme() + ", redacted]";
    }
}
