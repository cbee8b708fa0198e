package io.regshift.scan;

/**
 * Makes text from a scanned tree safe to print. File names and lines of files can hold control
 * characters, which a terminal obeys (ESC and OSC sequences, BEL) and which can start a line that
 * CI runs as a command (a newline, then {@code ::error ...} for GitHub Actions). Every printer
 * passes the paths, snippets and messages it prints through here, so they show as visible escapes
 * ({@code \n}, {@code \r}, {@code \x1b}, {@code \x07}) instead. Tab is kept: it moves the cursor
 * and nothing else, and source lines are full of it.
 */
public final class ControlCharacters {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ControlCharacters() {}

    /**
     * The text with every control character but tab (C0, DEL, C1) and the Unicode line and
     * paragraph separators written as visible escapes.
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !escaped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c > 0xff) {
                out.append("\\u")
                        .append(HEX[c >> 12])
                        .append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * As {@link #escape}, for text that starts a line of output: a leading {@code ::} (after any
     * blanks, which the runner skips) is what makes a line a GitHub Actions workflow command, so its
     * first colon is escaped too.
     */
    public static String escapeLineStart(String text) {
        String escaped = escape(text);
        int start = 0;
        while (start < escaped.length() && (escaped.charAt(start) == ' ' || escaped.charAt(start) == '\t')) {
            start++;
        }
        return escaped.startsWith("::", start)
                ? escaped.substring(0, start) + "\\x3a" + escaped.substring(start + 1)
                : escaped;
    }

    /**
     * JSON text with the control characters that JSON allows raw (DEL, C1) written as {@code \\u}
     * escapes too, so that printing the document prints none; the values it holds are unchanged.
     */
    public static String escapeJson(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x7f && c <= 0x9f) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    private static boolean escaped(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }
}
