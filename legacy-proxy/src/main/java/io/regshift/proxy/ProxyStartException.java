package io.regshift.proxy;

/**
 * The proxy could not start: its address is in use, its listen host does not resolve, and the like.
 * The message says which address and why, in one line for a person; {@link #address()} and {@link
 * #reason()} say the same as fields, for a caller that words its own advice (a command line naming
 * its flag, say). Bad settings (an upstream that is not an http or https URL, say) are {@link
 * IllegalArgumentException}s from the builder instead.
 */
public final class ProxyStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the proxy could not listen. */
    public enum Reason {
        /** The address is in use, or is not one of this machine's. */
        ADDRESS_UNAVAILABLE,
        /** The listen host does not resolve. */
        UNKNOWN_HOST,
        /** Anything else; the cause says what. */
        OTHER
    }

    private final String address;
    private final Reason reason;

    ProxyStartException(String address, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.address = address;
        this.reason = reason;
    }

    /** The address it could not listen on, {@code HOST:PORT} ({@code [::1]:8787} for IPv6). */
    public String address() {
        return address;
    }

    /** Why it could not listen there. */
    public Reason reason() {
        return reason;
    }
}
