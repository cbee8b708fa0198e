package io.regshift.scan.engine;

/**
 * A match as a {@link MatchSink} sees it: the detector's {@link Match}, the line and columns the
 * searcher counted, and the window of bytes it lies in. One view per searcher, moved to each match
 * in turn, so reporting a match allocates nothing: a sink keeps what it needs before it returns.
 */
final class SinkMatch {
    private byte[] bytes;
    private Latin1Chars text;
    private long windowStart;
    private Match match;
    private int line;
    private int column;
    private int endColumn;
    private int lineStart;
    private int lineEnd;

    /** The window the next matches lie in: {@code text} views {@code bytes}, which start at {@code windowStart} in the stream. */
    void window(byte[] bytes, Latin1Chars text, long windowStart) {
        this.bytes = bytes;
        this.text = text;
        this.windowStart = windowStart;
    }

    void moveTo(Match match, int line, int column, int endColumn, int lineStart, int lineEnd) {
        this.match = match;
        this.line = line;
        this.column = column;
        this.endColumn = endColumn;
        this.lineStart = lineStart;
        this.lineEnd = lineEnd;
    }

    Match match() {
        return match;
    }

    /** The window's bytes: the match's offsets, and {@link #lineStart} and {@link #lineEnd}, index them. */
    byte[] bytes() {
        return bytes;
    }

    /** The window's bytes as Latin-1 characters, one per byte. */
    Latin1Chars text() {
        return text;
    }

    /** The offset in the stream of the window's first byte. */
    long windowStart() {
        return windowStart;
    }

    /** The 1-based line of the match's start. */
    int line() {
        return line;
    }

    /** The 1-based column, in characters, of the match's start. */
    int column() {
        return column;
    }

    /** The column just past the match, or past the end of its first line if it spans lines. */
    int endColumn() {
        return endColumn;
    }

    /** Where the match's line starts in the window. */
    int lineStart() {
        return lineStart;
    }

    /** Where the match's line ends in the window, before its {@code \n} or {@code \r\n}. */
    int lineEnd() {
        return lineEnd;
    }
}
