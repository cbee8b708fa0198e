package io.regshift.scan.engine;

/**
 * Inline suppression: a comment containing {@code regshift:ignore} on a finding's line or on the
 * line above. A comment is recognised by a marker before the word on its line, in any of the
 * usual comment syntaxes, so the word inside a string does not suppress anything.
 */
final class Suppression {
    static final String MARKER = "regshift:ignore";
    private static final String[] COMMENT_STARTS = {"//", "#", "/*", "*", "<!--", "--", ";", "%", "'", "REM ", "rem "};

    private Suppression() {}

    /** Whether the line {@code [lineStart, lineEnd)} of {@code text} holds a suppression comment. */
    static boolean onLine(CharSequence text, int lineStart, int lineEnd) {
        if (lineStart < 0 || lineEnd <= lineStart) {
            return false;
        }
        String line = text.subSequence(lineStart, lineEnd).toString();
        int at = line.indexOf(MARKER);
        if (at < 0) {
            return false;
        }
        String before = line.substring(0, at);
        for (String start : COMMENT_STARTS) {
            if (before.contains(start)) {
                return true;
            }
        }
        return false;
    }
}
