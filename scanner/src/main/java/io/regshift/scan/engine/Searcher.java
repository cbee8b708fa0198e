package io.regshift.scan.engine;

import io.regshift.core.SdkCall;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one stream in windows of bounded size, asks the {@link Detector} for the matches in each,
 * and reports them to a {@link MatchSink} with their line and columns, as ripgrep's searcher does.
 * Memory does not grow with the stream: a 1 GB file with a single line is read through the same
 * buffer as a 1 KB one. Each window carries {@code overlap} bytes of context on both sides, so a
 * match across a window boundary is seen whole, exactly once. Lines and columns are counted only
 * up to the matches, and a UTF-8 byte order mark is not a character of the first line.
 *
 * <p>Not thread-safe: one per worker thread, reused for every stream.
 */
final class Searcher {
    /** Bytes inspected for a NUL to tell binary files from text, as git and ripgrep do. */
    private static final int BINARY_SNIFF = 8000;

    private final Detector detector;
    private final int overlap;
    private final byte[] buffer;
    private final SinkMatch reported = new SinkMatch();

    Searcher(Detector detector, int window, int overlap) {
        if (window < 4 * overlap) {
            throw new IllegalArgumentException("window must be at least four overlaps");
        }
        this.detector = detector;
        this.overlap = overlap;
        this.buffer = new byte[window];
    }

    /**
     * Searches {@code in} up to {@code maxBytes}, or up to {@code size} bytes when the stream's size
     * is known (the file as it was listed), which spares the read that would only find the end.
     *
     * @param size the stream's size, or -1 when it is not known
     * @param preferred the language of the file, for the detector's overlapping SDK calls; may be null
     * @param text whether the stream is text: a NUL in its first bytes makes it binary and it is not
     *     searched, and lines are counted; a stream that is not text (a compiled class) is one line,
     *     each match at column 1
     * @return the bytes read
     */
    long search(
            InputStream in,
            long maxBytes,
            long size,
            Mode mode,
            SdkCall.Language preferred,
            boolean text,
            MatchSink sink)
            throws IOException {
        long limit = size >= 0 ? Math.min(size, maxBytes) : maxBytes;
        long total = 0; // bytes read so far
        long bufferStart = 0; // absolute offset of buffer[0]
        int filled = 0;
        int acceptFrom = 0;
        boolean first = true;
        boolean bom = false;
        LineCounter lines = new LineCounter();

        while (true) {
            int want = (int) Math.min(buffer.length - filled, Math.max(0, limit - total));
            int read = readFully(in, buffer, filled, want);
            total += read;
            filled += read;
            boolean end = filled < buffer.length || total >= limit;
            if (first) {
                first = false;
                if (text && isBinary(buffer, filled)) {
                    return total;
                }
                bom = filled >= 3
                        && (buffer[0] & 0xff) == 0xEF
                        && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF;
            }
            int acceptTo = end ? filled : filled - overlap;
            Latin1Chars window = new Latin1Chars(buffer, 0, filled);
            reported.window(buffer, window, bufferStart);
            for (Match m : detector.detect(buffer, filled, acceptFrom, acceptTo, mode, preferred)) {
                if (text) {
                    lines.advance(buffer, bufferStart, m.start());
                    int lineStart = lineStart(window, m.start());
                    int lineEnd = lineEnd(window, m.start());
                    int column = lines.columnAt(buffer, bufferStart, lineStart, m.start());
                    if (bom && lines.line() == 1) {
                        column -= 1;
                    }
                    int endColumn = column + LineCounter.utf8Chars(buffer, m.start(), Math.min(m.end(), lineEnd));
                    reported.moveTo(m, lines.line(), column, endColumn, lineStart, lineEnd);
                } else {
                    reported.moveTo(m, 1, 1, 1, 0, filled);
                }
                sink.match(reported);
            }
            if (end) {
                break;
            }
            // Keep the last 2 * overlap bytes: back context, and the not yet accepted tail.
            int keep = 2 * overlap;
            int keepFrom = filled - keep;
            if (text) {
                lines.advance(buffer, bufferStart, acceptTo);
                lines.rebase(buffer, bufferStart, keepFrom);
            }
            System.arraycopy(buffer, keepFrom, buffer, 0, keep);
            bufferStart += keepFrom;
            filled = keep;
            acceptFrom = overlap;
        }

        if (total >= maxBytes && in.read() >= 0) {
            sink.truncated(maxBytes);
        }
        return total;
    }

    /** Where the line holding {@code offset} starts. */
    static int lineStart(CharSequence text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** Where the line holding {@code offset} ends, before its {@code \n} or {@code \r\n}. */
    static int lineEnd(CharSequence text, int offset) {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n') {
            end++;
        }
        return end > 0 && text.charAt(end - 1) == '\r' && end - 1 >= offset ? end - 1 : end;
    }

    /** Whether the first {@link #BINARY_SNIFF} bytes hold a NUL: eight bytes at a time (SWAR). */
    static boolean isBinary(byte[] bytes, int length) {
        int n = Math.min(length, BINARY_SNIFF);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if (Swar.zeroLanes(Swar.word(bytes, i)) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static int readFully(InputStream in, byte[] into, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(into, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
