package io.regshift.adapter;

/**
 * Every code regshift puts in the {@code errors} of an envelope it writes itself, the adapter's
 * and the proxy's: one list, each code with one meaning, no code computed from a status.
 * Cloudflare documents codes of at least 1000; these sit in a block of their own so an
 * application can tell regshift's errors from Cloudflare's. The proxy's README lists them all.
 */
public final class ErrorCodes {
    /** The request body is not a JSON array of registration ID strings (or is empty, or too big). */
    public static final int INVALID_BODY = 1400;
    /** The account ID in the path, or a registration ID, can't be sent safely. */
    public static final int INVALID_IDENTIFIER = 1401;
    /** Some or all of the IDs were not revoked (unrevoked); {@code result.failed_ids} lists them. */
    public static final int NOT_ALL_IDS_DONE = 1500;
    /**
     * A read of the replacements failed (an error answer, no answer, or a result of the wrong
     * shape), so the deprecated read's answer could not be made; the errors that follow say why.
     */
    public static final int READ_FAILED = 1501;
    /**
     * In {@code messages}, not {@code errors}: a device is answered without the physical device's
     * fields ({@code device_type}, {@code ip}, {@code mac_address}, ...) because its physical device
     * could not be read.
     */
    public static final int PHYSICAL_DEVICE_MISSING = 1210;
    /** A deprecated read was called with a query parameter that has no equivalent in the replacements. */
    public static final int UNSUPPORTED_QUERY = 1402;
    /** Cloudflare (the upstream) could not be reached, or did not answer in time. */
    public static final int UPSTREAM_UNREACHABLE = 1502;
    /** Cloudflare answered with an error that was not a Cloudflare envelope, or with a redirect. */
    public static final int UPSTREAM_NOT_AN_ENVELOPE = 1503;
    /**
     * Cloudflare answered with an error code below 1000 (for example 971, rate limited): kept in
     * the message as {@code [Cloudflare 971] ...}, since the old envelope's codes are at least 1000.
     */
    public static final int UPSTREAM_CODE_BELOW_1000 = 1599;

    /** Proxy: the path is not under the upstream's API prefix, or no such operations endpoint (404). */
    public static final int NOT_FOUND = 1404;
    /** Proxy: CONNECT or TRACE, which a reverse proxy does not forward, or a write to /__regshift (405). */
    public static final int METHOD_NOT_ALLOWED = 1405;
    /** Proxy: the request did not arrive in full in time; a deprecated call's body within the body timeout (408). */
    public static final int BODY_TIMEOUT = 1408;
    /**
     * The request can't be forwarded as sent: a malformed request line or header, a header that
     * can't be forwarded, a dot segment in the path, a target that must be percent-encoded; from
     * the proxy, also any other client error its server reports (400, or the 4xx it names).
     */
    public static final int BAD_REQUEST = 1420;
    /** Proxy: the request names another host, in its Host header or an absolute URI (421). */
    public static final int MISDIRECTED = 1421;
    /** Proxy: the request headers are larger than the limit (431). */
    public static final int HEADERS_TOO_LARGE = 1431;
    /** Proxy: the proxy itself failed to serve the request, or does not implement what it asks (500, 501, 505). */
    public static final int PROXY_ERROR = 1520;
    /** Proxy: shutting down, it takes no new requests (503). */
    public static final int SHUTTING_DOWN = 1530;
    /** Proxy: serving as many deprecated calls as it takes at once (503, with Retry-After). */
    public static final int BUSY = 1531;

    private ErrorCodes() {}
}
