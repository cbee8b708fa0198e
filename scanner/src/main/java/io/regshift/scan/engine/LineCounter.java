package io.regshift.scan.engine;

/**
 * Line numbers and columns of offsets that only move forward, counted once per byte. Tracks the
 * line of a cursor, and how many characters of its line precede the buffer's start, for lines
 * longer than a window.
 */
final class LineCounter {
    private int line = 1;
    private long cursor; // absolute offset counted up to
    private long lineStartAbs; // absolute offset where the cursor's line starts
    private long charsBeforeBuffer; // characters of the cursor's line before the buffer start, if it starts earlier

    int line() {
        return line;
    }

    void advance(byte[] buffer, long bufferStart, int offset) {
        int lastNewline = -1;
        for (int i = (int) (cursor - bufferStart); i < offset; i++) {
            if (buffer[i] == '\n') {
                line++;
                lastNewline = i;
            }
        }
        if (lastNewline >= 0) {
            lineStartAbs = bufferStart + lastNewline + 1;
        }
        cursor = Math.max(cursor, bufferStart + offset);
    }

    /** Before the buffer moves to start at {@code newStart}: remember the line's length so far. */
    void rebase(byte[] buffer, long bufferStart, int newStart) {
        long newStartAbs = bufferStart + newStart;
        if (lineStartAbs < newStartAbs) {
            int from = (int) Math.max(0, lineStartAbs - bufferStart);
            charsBeforeBuffer =
                    (lineStartAbs < bufferStart ? charsBeforeBuffer : 0) + utf8Chars(buffer, from, newStart);
        } else {
            charsBeforeBuffer = 0;
        }
    }

    /** The 1-based column of {@code offset}, whose line starts at {@code lineStart} in the buffer. */
    int columnAt(byte[] buffer, long bufferStart, int lineStart, int offset) {
        if (lineStart == 0 && lineStartAbs < bufferStart) {
            return (int) Math.min(Integer.MAX_VALUE, charsBeforeBuffer + utf8Chars(buffer, 0, offset) + 1);
        }
        return utf8Chars(buffer, lineStart, offset) + 1;
    }

    /** Characters in UTF-8 bytes {@code [from, to)}: every byte that does not continue a sequence. */
    static int utf8Chars(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
