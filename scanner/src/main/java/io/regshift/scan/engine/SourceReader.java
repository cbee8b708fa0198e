package io.regshift.scan.engine;

import io.regshift.scan.Source;
import io.regshift.scan.dialect.Dialect;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one stream of a {@link Source} for findings: a {@link Searcher} reports its matches to a
 * {@link FindingCollector}.
 *
 * <p>Not thread-safe: one per worker thread, reused for every file, for its searcher's buffer.
 */
final class SourceReader {
    private final Searcher searcher;
    private final boolean includeUncertain;

    SourceReader(Detector detector) {
        this(detector, false);
    }

    /** @param includeUncertain whether bare paths with no evidence either way are reported, as notes */
    SourceReader(Detector detector, boolean includeUncertain) {
        this(detector, 4 << 20, 64 << 10, includeUncertain);
    }

    SourceReader(Detector detector, int window, int overlap) {
        this(detector, window, overlap, false);
    }

    private SourceReader(Detector detector, int window, int overlap, boolean includeUncertain) {
        this.searcher = new Searcher(detector, window, overlap);
        this.includeUncertain = includeUncertain;
    }

    /**
     * Scans {@code in} up to {@code maxBytes}.
     *
     * @param mode {@link Mode#SOURCE} for text files; {@link Mode#ARTIFACT} for archive entries
     * @param classFile whether the bytes are a compiled class: no lines, no binary check
     */
    FileScan scan(InputStream in, Source source, long maxBytes, Mode mode, boolean classFile) throws IOException {
        return scan(in, source, maxBytes, -1, mode, classFile);
    }

    /**
     * As {@link #scan(InputStream, Source, long, Mode, boolean)}, for a file whose size is known:
     * reading stops after {@code size} bytes (the file as it was listed).
     *
     * @param size the file's size, or -1 when it is not known
     */
    FileScan scan(InputStream in, Source source, long maxBytes, long size, Mode mode, boolean classFile)
            throws IOException {
        Dialect dialect = Dialect.of(source.text());
        FindingCollector findings = new FindingCollector(source, dialect, classFile, includeUncertain);
        long bytes =
                searcher.search(in, maxBytes, size, mode, dialect.language().orElse(null), !classFile, findings);
        return findings.result(bytes);
    }
}
