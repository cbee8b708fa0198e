package io.regshift.scan.dialect;

import java.util.regex.Pattern;

/**
 * How a language's servers define their own routes, so that a path a file serves is not taken for
 * a call it makes: the registration written right before the path's string literal ({@code
 * app.post(}, {@code @PostMapping(}, {@code mux.HandleFunc(}), and, in every language, a path
 * written as the key of an API description ({@code /devices/revoke:} in OpenAPI).
 */
final class Routes {
    /** The registrations of no language: only path keys define routes. */
    static final Routes NONE = new Routes(null);

    /** Matches the text of the line before the literal, up to its end. */
    private final Pattern registration;

    /** @param registration matched against the line's text before the path's literal; ends with {@code $} */
    Routes(String registration) {
        this.registration = registration == null ? null : Pattern.compile(registration);
    }

    /** See {@link Dialect#definesRoute}. */
    boolean define(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        if (isPathKey(text, lineStart, lineEnd, literalStart, pathEnd)) {
            return true;
        }
        return registration != null
                && registration
                        .matcher(text.subSequence(lineStart, literalStart))
                        .find();
    }

    /**
     * Whether the path is a key at the start of its line, {@code /devices/revoke:} or {@code
     * "/devices/revoke":} followed by a brace: how OpenAPI documents, YAML and JSON alike, list the
     * paths they define.
     */
    private static boolean isPathKey(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        for (int i = lineStart; i < literalStart; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '*') {
                return false;
            }
        }
        int i = pathEnd;
        if (i < lineEnd && isQuote(text.charAt(i))) {
            i++;
        }
        while (i < lineEnd && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= lineEnd || text.charAt(i) != ':') {
            return false;
        }
        for (i++; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '{' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
