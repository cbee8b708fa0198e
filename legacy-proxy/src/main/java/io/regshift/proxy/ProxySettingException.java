package io.regshift.proxy;

/**
 * A {@link LegacyProxy.Builder} setting refused its value: which setting, what it requires, and the
 * value it got, as fields, so that a command line can name its own flag instead of the builder's
 * method. The message names the setting as the builder does, e.g. {@code maxDeprecatedCalls must be
 * at least 1, was 0}.
 */
public final class ProxySettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String requirement;
    private final String value;

    ProxySettingException(String setting, String requirement, Object value) {
        super(setting + " " + requirement + ", was " + value);
        this.setting = setting;
        this.requirement = requirement;
        this.value = String.valueOf(value);
    }

    /** The builder method that refused the value, e.g. {@code maxDeprecatedCalls}. */
    public String setting() {
        return setting;
    }

    /** What the setting requires, e.g. {@code must be at least 1}. */
    public String requirement() {
        return requirement;
    }

    /** The value refused, as the builder got it (a {@code Duration} as {@code PT0S}, say). */
    public String value() {
        return value;
    }
}
