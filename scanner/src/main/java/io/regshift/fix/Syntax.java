package io.regshift.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the languages' syntax to rewrite a call: brackets matched across string
 * literals and comments, and lists split at their top-level commas. Not a parser: the fixer only
 * rewrites calls whose shape this can see, and leaves the rest to a person.
 */
final class Syntax {
    /** Comment and string conventions of a language family. */
    enum Family {
        /** TypeScript, JavaScript, Java, Kotlin, Go: {@code //} and block comments. */
        C_LIKE,
        /** Python: {@code #} comments, triple-quoted strings. */
        PYTHON
    }

    private Syntax() {}

    /**
     * The index just past the bracket that closes the one at {@code open} ({@code ( [ {}), or -1 if
     * it does not close before {@code limit}.
     */
    static int close(String text, int open, int limit, Family family) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            int skipped = skip(text, i, limit, family);
            if (skipped != i) {
                i = skipped - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /**
     * If a string literal or comment starts at {@code i}, the index just past it; else {@code i}.
     */
    static int skip(String text, int i, int limit, Family family) {
        char c = text.charAt(i);
        if (family == Family.PYTHON
                && (c == '"' || c == '\'')
                && text.startsWith(String.valueOf(c).repeat(3), i)) {
            int end = text.indexOf(String.valueOf(c).repeat(3), i + 3);
            return end < 0 || end + 3 > limit ? limit : end + 3;
        }
        if (c == '"' || c == '\'' || c == '`') {
            boolean multiline = c == '`';
            for (int j = i + 1; j < limit; j++) {
                char d = text.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c) {
                    return j + 1;
                } else if (d == '\n' && !multiline) {
                    return j; // unterminated on its line: not a string after all
                }
            }
            return limit;
        }
        if (family == Family.PYTHON && c == '#') {
            int end = text.indexOf('\n', i);
            return end < 0 || end > limit ? limit : end;
        }
        if (family == Family.C_LIKE && c == '/' && i + 1 < limit) {
            char d = text.charAt(i + 1);
            if (d == '/') {
                int end = text.indexOf('\n', i);
                return end < 0 || end > limit ? limit : end;
            }
            if (d == '*') {
                int end = text.indexOf("*/", i + 2);
                return end < 0 || end + 2 > limit ? limit : end + 2;
            }
        }
        return i;
    }

    /**
     * The top-level items of the bracketed list {@code (open, close - 1)}, each as {@code [start,
     * end)} trimmed of whitespace; a trailing comma leaves no empty item.
     */
    static List<int[]> items(String text, int open, int close, Family family) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int end = close - 1;
        for (int i = start; i < end; i++) {
            int skipped = skip(text, i, end, family);
            if (skipped != i) {
                i = skipped - 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(text, start, i, items, family);
                start = i + 1;
            }
        }
        add(text, start, end, items, family);
        return items;
    }

    private static void add(String text, int from, int to, List<int[]> items, Family family) {
        int s = skipSpace(text, from, to, family);
        int e = to;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            items.add(new int[] {s, e});
        }
    }

    /** Past whitespace and comments from {@code i}. */
    static int skipSpace(String text, int i, int limit, Family family) {
        while (i < limit) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean comment = (family == Family.PYTHON && c == '#')
                    || (family == Family.C_LIKE
                            && c == '/'
                            && i + 1 < limit
                            && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*'));
            if (!comment) {
                break;
            }
            i = skip(text, i, limit, family);
        }
        return i;
    }

    /** The identifier starting at {@code i}, or "" if none does. */
    static String identifierAt(String text, int i) {
        int j = i;
        while (j < text.length()
                && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '$')) {
            j++;
        }
        return text.substring(i, j);
    }

    /** The line ending a file uses: CRLF if its first line ends so, LF otherwise. */
    static String lineEnding(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}
