package io.regshift.scan.read;

import io.regshift.core.SdkCall;
import io.regshift.scan.Finding;
import io.regshift.scan.Rule;
import io.regshift.scan.ScanError;
import io.regshift.scan.Severity;
import io.regshift.scan.Source;
import io.regshift.scan.detect.Detector;
import io.regshift.scan.detect.Latin1Chars;
import io.regshift.scan.detect.Match;
import io.regshift.scan.detect.Mode;
import io.regshift.scan.detect.Swar;
import io.regshift.scan.dialect.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one stream in windows of bounded size and reports the findings in it, with line, column
 * and snippet. Memory does not grow with the file: a 1 GB file with a single line is read through
 * the same buffer as a 1 KB one. Each window carries {@code overlap} bytes of context on both
 * sides, so a match across a window boundary is seen whole, exactly once.
 *
 * <p>Not thread-safe: one per worker thread, reused for every file.
 */
public final class SourceReader {
    /** Bytes inspected for a NUL to tell binary files from text, as git and ripgrep do. */
    private static final int BINARY_SNIFF = 8000;

    private static final int SNIPPET_CONTEXT = 120;

    private final Detector detector;
    private final int window;
    private final int overlap;
    private final byte[] buffer;

    public SourceReader(Detector detector) {
        this(detector, 4 << 20, 64 << 10);
    }

    SourceReader(Detector detector, int window, int overlap) {
        if (window < 4 * overlap) {
            throw new IllegalArgumentException("window must be at least four overlaps");
        }
        this.detector = detector;
        this.window = window;
        this.overlap = overlap;
        this.buffer = new byte[window];
    }

    /**
     * Scans {@code in} up to {@code maxBytes}.
     *
     * @param path the path reported in findings
     * @param mode {@link Mode#SOURCE} for text files; {@link Mode#ARTIFACT} for archive entries
     * @param classFile whether the bytes are a compiled class: no lines, no binary check
     */
    public FileScan scan(InputStream in, String path, long maxBytes, Mode mode, boolean classFile) throws IOException {
        return scan(in, Source.of(path), maxBytes, -1, mode, classFile);
    }

    /** As {@link #scan(InputStream, String, long, Mode, boolean)}, for a source found by a walk. */
    public FileScan scan(InputStream in, Source source, long maxBytes, Mode mode, boolean classFile)
            throws IOException {
        return scan(in, source, maxBytes, -1, mode, classFile);
    }

    /**
     * As {@link #scan(InputStream, String, long, Mode, boolean)}, for a file whose size is known:
     * reading stops after {@code size} bytes (the file as it was listed), which spares the read that
     * would only find the end.
     *
     * @param size the file's size, or -1 when it is not known
     */
    public FileScan scan(InputStream in, String path, long maxBytes, long size, Mode mode, boolean classFile)
            throws IOException {
        return scan(in, Source.of(path), maxBytes, size, mode, classFile);
    }

    /** As {@link #scan(InputStream, String, long, long, Mode, boolean)}, for a source found by a walk. */
    public FileScan scan(InputStream in, Source source, long maxBytes, long size, Mode mode, boolean classFile)
            throws IOException {
        String path = source.text();
        long limit = size >= 0 ? Math.min(size, maxBytes) : maxBytes;
        Dialect dialect = Dialect.of(path);
        SdkCall.Language language = dialect.language().orElse(null);
        Severity severity = dialect.documentation() ? Severity.WARNING : Severity.ERROR;
        List<Finding> findings = new ArrayList<>();
        int suppressed = 0;

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
                if (!classFile && isBinary(buffer, filled)) {
                    return new FileScan(List.of(), 0, 1, total, List.of());
                }
                bom = filled >= 3
                        && (buffer[0] & 0xff) == 0xEF
                        && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF;
            }
            int acceptTo = end ? filled : filled - overlap;
            Latin1Chars text = new Latin1Chars(buffer, 0, filled);
            for (Match m : detector.detect(buffer, filled, acceptFrom, acceptTo, mode, language)) {
                lines.advance(buffer, bufferStart, m.start());
                int lineStart = lineStart(text, m.start());
                int lineEnd = lineEnd(text, m.start());
                if (!classFile && dialect.suppresses(text, lineStart, lineEnd)) {
                    suppressed++;
                    continue;
                }
                findings.add(
                        finding(m, source, severity, text, lineStart, lineEnd, lines, bufferStart, bom, classFile));
            }
            if (end) {
                break;
            }
            // Keep the last 2 * overlap bytes: back context, and the not yet accepted tail.
            lines.advance(buffer, bufferStart, acceptTo);
            int keep = 2 * overlap;
            int keepFrom = filled - keep;
            lines.rebase(buffer, bufferStart, keepFrom);
            System.arraycopy(buffer, keepFrom, buffer, 0, keep);
            bufferStart += keepFrom;
            filled = keep;
            acceptFrom = overlap;
        }

        List<ScanError> errors = new ArrayList<>();
        if (total >= maxBytes) {
            if (in.read() >= 0) {
                errors.add(new ScanError(
                        source,
                        "larger than --max-file-size ("
                                + maxBytes
                                + " bytes): only the first "
                                + maxBytes
                                + " bytes were scanned"));
            }
        }
        return new FileScan(findings, suppressed, 1, total, errors);
    }

    private Finding finding(
            Match m,
            Source source,
            Severity severity,
            CharSequence text,
            int lineStart,
            int lineEnd,
            LineCounter lines,
            long bufferStart,
            boolean bom,
            boolean classFile) {
        Rule rule = m.rule();
        if (classFile) {
            int from = printableStart(text, m.start());
            int to = printableEnd(text, m.end());
            String snippet = text.subSequence(from, to).toString();
            return new Finding(
                    rule,
                    severity,
                    source,
                    1,
                    1,
                    1,
                    message(rule),
                    snippet,
                    m.start() - from,
                    m.end() - from,
                    null,
                    span(m, bufferStart));
        }
        int column = lines.columnAt(buffer, bufferStart, lineStart, m.start());
        if (bom && lines.line() == 1) {
            column -= 1;
        }
        int matchEndOnLine = Math.min(m.end(), lineEnd);
        int endColumn = column + utf8Chars(buffer, m.start(), matchEndOnLine);
        int from = Math.max(lineStart, m.start() - SNIPPET_CONTEXT);
        int to = Math.min(lineEnd, Math.max(matchEndOnLine, m.start()) + SNIPPET_CONTEXT);
        String before = decode(buffer, from, m.start());
        String match = decode(buffer, m.start(), matchEndOnLine);
        String after = decode(buffer, matchEndOnLine, to);
        String raw = before + match + after;
        String snippet = raw.strip();
        int lead = raw.length() - raw.stripLeading().length();
        int highlightStart = Math.max(0, before.length() - lead);
        int highlightEnd = Math.min(snippet.length(), highlightStart + match.length());
        return new Finding(
                rule,
                severity,
                source,
                lines.line(),
                column,
                endColumn,
                message(rule),
                snippet,
                highlightStart,
                highlightEnd,
                null,
                span(m, bufferStart));
    }

    private static Finding.Span span(Match m, long bufferStart) {
        return new Finding.Span(bufferStart + m.start(), bufferStart + m.end(), bufferStart + m.spanEnd());
    }

    static String message(Rule rule) {
        var d = rule.deprecation();
        String what = switch (rule.kind()) {
            case PATH -> d.deprecated() + " is past its end of life (" + d.endOfLife() + ")";
            case SDK_CALL ->
                "this " + rule.language().displayName() + " SDK call sends " + d.deprecated()
                        + ", past its end of life (" + d.endOfLife() + ")";
            case ARTIFACT -> "compiled code calls " + d.deprecated() + ", past its end of life (" + d.endOfLife() + ")";
        };
        return what + "; use " + rule.replacement();
    }

    private static int lineStart(CharSequence text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private static int lineEnd(CharSequence text, int offset) {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n') {
            end++;
        }
        return end > 0 && text.charAt(end - 1) == '\r' && end - 1 >= offset ? end - 1 : end;
    }

    private static int printableStart(CharSequence text, int offset) {
        int i = offset;
        while (i > 0 && offset - i < SNIPPET_CONTEXT && isPrintable(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int printableEnd(CharSequence text, int offset) {
        int i = offset;
        while (i < text.length() && i - offset < SNIPPET_CONTEXT && isPrintable(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isPrintable(char c) {
        return c >= 0x20 && c < 0x7f;
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

    private static String decode(byte[] bytes, int from, int to) {
        if (to <= from) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
            StringBuilder out = new StringBuilder(chars.length());
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                out.append(c == '\t' || !Character.isISOControl(c) ? c : '\uFFFD');
            }
            return out.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder threw", e);
        }
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

    /**
     * Line numbers and columns of offsets that only move forward, counted once per byte. Tracks the
     * line of a cursor, and how many characters of its line precede the buffer's start, for lines
     * longer than a window.
     */
    private static final class LineCounter {
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
    }
}
