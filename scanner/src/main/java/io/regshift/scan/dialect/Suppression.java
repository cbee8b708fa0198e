package io.regshift.scan.dialect;

/**
 * Inline suppression: a comment containing {@code regshift:ignore} on a finding's line or on the
 * line above. Whether the word is in a comment is the file's dialect's call, so the word inside a
 * string, or after a character that starts comments only in other languages, suppresses nothing.
 */
final class Suppression {
    private static final String MARKER = "regshift:ignore";

    private Suppression() {}

    /** Whether the line {@code [lineStart, lineEnd)} or the line above holds a suppression comment. */
    static boolean covers(Dialect dialect, CharSequence text, int lineStart, int lineEnd) {
        if (onLine(dialect, text, lineStart, lineEnd)) {
            return true;
        }
        if (lineStart == 0) {
            return false;
        }
        int previousStart = lineStart - 1;
        while (previousStart > 0 && text.charAt(previousStart - 1) != '\n') {
            previousStart--;
        }
        return onLine(dialect, text, previousStart, lineStart - 1);
    }

    private static boolean onLine(Dialect dialect, CharSequence text, int lineStart, int lineEnd) {
        if (lineStart < 0 || lineEnd <= lineStart) {
            return false;
        }
        String line = text.subSequence(lineStart, lineEnd).toString();
        for (int at = line.indexOf(MARKER); at >= 0; at = line.indexOf(MARKER, at + 1)) {
            if (dialect.inComment(text, lineStart, lineEnd, lineStart + at)) {
                return true;
            }
        }
        return false;
    }
}
