package io.regshift.scan.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a language's syntax to find the end of a call and rewrite it: brackets matched
 * across string literals and comments, lists split at their top-level commas, and whether a
 * place on a line is in a comment. Not a parser: the fixer only rewrites calls whose shape this
 * can see, and leaves the rest to a person. Each {@link SdkDialect} has one.
 *
 * <p>Works on any {@link CharSequence}, so the detector runs it on a window of raw bytes as Latin-1
 * and the fixer on a file's text. Immutable.
 */
public final class Syntax {
    /**
     * A string literal: its delimiter (the same at both ends), whether a backslash escapes the next
     * character, and whether it may span lines (else a line break ends it: not a string after all).
     */
    record Quote(String delimiter, boolean escapes, boolean multiline) {}

    private final List<String> lineComments;
    private final String blockOpen;
    private final String blockClose;
    private final List<Quote> quotes;

    /**
     * @param blockOpen the start of a block comment, or null if the language has none
     * @param quotes tried in order, so a longer delimiter ({@code """}) comes before its prefix
     */
    Syntax(List<String> lineComments, String blockOpen, String blockClose, List<Quote> quotes) {
        this.lineComments = List.copyOf(lineComments);
        this.blockOpen = blockOpen;
        this.blockClose = blockClose;
        this.quotes = List.copyOf(quotes);
    }

    /**
     * The index just past the bracket that closes the one at {@code open} ({@code ( [ {}), or -1 if
     * it does not close before {@code limit}.
     */
    public int close(CharSequence text, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            int skipped = skip(text, i, limit);
            if (skipped != i) {
                i = skipped - 1;
                continue;
            }
            char c = text.charAt(i);
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
    public int skip(CharSequence text, int i, int limit) {
        int end = stringEnd(text, i, limit);
        if (end >= 0) {
            return end;
        }
        end = commentEnd(text, i, limit);
        return end >= 0 ? end : i;
    }

    /** Whether a comment starts at {@code i}. */
    boolean commentAt(CharSequence text, int i, int limit) {
        return commentEnd(text, i, limit) >= 0;
    }

    /**
     * The top-level items of the bracketed list {@code (open, close - 1)}, each as {@code [start,
     * end)} trimmed of whitespace; a trailing comma leaves no empty item.
     */
    List<int[]> items(CharSequence text, int open, int close) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int end = close - 1;
        for (int i = start; i < end; i++) {
            int skipped = skip(text, i, end);
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
                add(text, start, i, items);
                start = i + 1;
            }
        }
        add(text, start, end, items);
        return items;
    }

    private void add(CharSequence text, int from, int to, List<int[]> items) {
        int s = skipSpace(text, from, to);
        int e = to;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            items.add(new int[] {s, e});
        }
    }

    /** Past whitespace and comments from {@code i}. */
    public int skipSpace(CharSequence text, int i, int limit) {
        while (i < limit) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = commentEnd(text, i, limit);
            if (end < 0) {
                break;
            }
            i = end;
        }
        return i;
    }

    /**
     * Whether {@code at} on the line {@code [lineStart, lineEnd)} is inside a comment, judged from
     * the line alone: strings on the line are skipped, so a comment marker inside one starts
     * nothing. A line whose first non-blank is {@code *} continues a block comment, as Javadoc's
     * lines do.
     */
    boolean inComment(CharSequence text, int lineStart, int lineEnd, int at) {
        int i = lineStart;
        while (i < lineEnd && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (blockOpen != null
                && i < lineEnd
                && text.charAt(i) == blockOpen.charAt(blockOpen.length() - 1)
                && !startsWith(text, blockClose, i, lineEnd)) {
            int close = indexOf(text, blockClose, i, lineEnd);
            int end = close < 0 ? lineEnd : close + blockClose.length();
            if (at < end) {
                return true;
            }
            i = end;
        }
        while (i < lineEnd && i <= at) {
            int end = commentEnd(text, i, lineEnd);
            if (end >= 0) {
                return at < end;
            }
            end = stringEnd(text, i, lineEnd);
            if (end >= 0 && at < end) {
                return false;
            }
            i = end >= 0 ? end : i + 1;
        }
        return false;
    }

    /** If a string literal starts at {@code i}, the index just past it; else -1. */
    private int stringEnd(CharSequence text, int i, int limit) {
        for (Quote quote : quotes) {
            String delimiter = quote.delimiter();
            if (!startsWith(text, delimiter, i, limit)) {
                continue;
            }
            for (int j = i + delimiter.length(); j < limit; j++) {
                char d = text.charAt(j);
                if (quote.escapes() && d == '\\') {
                    j++;
                } else if (startsWith(text, delimiter, j, limit)) {
                    return j + delimiter.length();
                } else if (d == '\n' && !quote.multiline()) {
                    return j; // unterminated on its line: not a string after all
                }
            }
            return limit;
        }
        return -1;
    }

    /** If a comment starts at {@code i}, the index just past it (its line's end for a line comment); else -1. */
    private int commentEnd(CharSequence text, int i, int limit) {
        for (String start : lineComments) {
            if (startsWith(text, start, i, limit)) {
                int end = indexOf(text, "\n", i, limit);
                return end < 0 ? limit : end;
            }
        }
        if (blockOpen != null && startsWith(text, blockOpen, i, limit)) {
            int end = indexOf(text, blockClose, i + blockOpen.length(), limit);
            return end < 0 ? limit : end + blockClose.length();
        }
        return -1;
    }

    /** The identifier starting at {@code i}, or "" if none does. */
    public static String identifierAt(CharSequence text, int i) {
        int j = i;
        while (j < text.length()
                && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '$')) {
            j++;
        }
        return text.subSequence(i, j).toString();
    }

    private static boolean startsWith(CharSequence text, String prefix, int i, int limit) {
        if (i + prefix.length() > limit) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code s} that starts at or after {@code from} and ends by {@code limit}, or -1. */
    private static int indexOf(CharSequence text, String s, int from, int limit) {
        for (int i = from; i + s.length() <= limit; i++) {
            if (startsWith(text, s, i, limit)) {
                return i;
            }
        }
        return -1;
    }
}
