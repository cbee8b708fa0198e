package io.regshift.proxy;

/**
 * The proxy could not start: its address is in use, its listen host does not resolve, and the like.
 * The message says which address and why, in one line for a person; bad settings (an upstream that
 * is not an http or https URL, say) are {@link IllegalArgumentException}s from the builder instead.
 */
public final class ProxyStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProxyStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
