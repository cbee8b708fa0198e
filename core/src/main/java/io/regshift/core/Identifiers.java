package io.regshift.core;

/**
 * The rules every account ID and registration ID must follow before it goes near a URL. Anything
 * else is percent-encoded by the code that builds the URL, so {@code a&id=b} travels as one ID.
 */
final class Identifiers {
    /** Longest value echoed in an error message; longer ones are cut. */
    private static final int ECHO_LIMIT = 80;

    /** The characters of a plain identifier (see {@link #isPlain}): ASCII letters, digits, - and _. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PLAIN[c] = true;
            PLAIN[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PLAIN[c] = true;
        }
        PLAIN['-'] = true;
        PLAIN['_'] = true;
    }

    private Identifiers() {}

    /**
     * Whether {@code value} is non-empty and made only of ASCII letters, digits, {@code -} and
     * {@code _}: such a value passes every rule of {@link #problem}.
     */
    static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    static void requireValidAccountId(String accountId) {
        requireValid("account ID", accountId);
    }

    /** Refuses a path parameter's value, naming the parameter, e.g. {@code registration_id "a/b" ...}. */
    static void requireValid(String name, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(name + " " + quote(value) + " " + problem);
        }
    }

    /**
     * Why {@code value} can't be an identifier, or null if it can. Path separators and dot segments
     * are refused even where the value goes into a query string: the same rules guard account IDs,
     * which go into paths, and no Cloudflare identifier contains them.
     */
    static String problem(String value) {
        if (value == null) {
            return "is missing (null)";
        }
        if (isPlain(value)) {
            return null; // the usual UUIDs and hex IDs: nothing else to check
        }
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.isBlank()) {
            return "is blank";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format(
                        "contains a control character (U+%04X) at index %d; control characters are not allowed",
                        (int) c, i);
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
                if (!paired) {
                    return "contains an unpaired UTF-16 surrogate at index "
                            + i
                            + "; it has no UTF-8 encoding, so it would not reach Cloudflare intact";
                }
            }
            if (c == '/' || c == '\\') {
                return "contains a path separator ('" + c + "') at index " + i + "; it is not allowed";
            }
        }
        if (value.contains("..")) {
            return "contains '..'; it is not allowed";
        }
        if (value.equals(".")) {
            return "is '.', which a URL path drops as a dot segment; it is not allowed";
        }
        return null;
    }

    /** The value in quotes with control characters made visible and long values cut. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(value.length(), ECHO_LIMIT);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
