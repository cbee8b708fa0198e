package io.regshift.scan.engine;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.RuleSet;
import io.regshift.scan.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The scanner's hot path, for the benchmarks and their tests, which measure it per byte without a
 * file system. The reader, the prefilter and detection are package-private in the scanner; this
 * class sits in their package on the benchmarks' class path (as Guava's benchmarks sit in the
 * packages they measure), so that they stay out of the scanner's public API.
 *
 * <p>Not thread-safe: one per thread (see {@link #forAnotherThread}).
 */
public final class HotPath {
    private final Detector detector;
    private final SourceReader reader;

    /** Compiles the catalog's rules, as a {@link Scanner} does once per scan. */
    public HotPath(Catalog catalog) {
        this(new Detector(catalog, RuleSet.fromCatalog(catalog)));
    }

    private HotPath(Detector detector) {
        this.detector = detector;
        this.reader = new SourceReader(detector);
    }

    /** The same compiled rules with a reader of its own, as each of the scanner's workers has. */
    public HotPath forAnotherThread() {
        return new HotPath(detector);
    }

    /**
     * The findings in a text file named {@code path}, read from memory as a worker reads a file
     * after opening it: windows, binary sniff, prefilter, detection, findings.
     */
    public List<Finding> findings(byte[] content, String path) throws IOException {
        return reader.scan(new ByteArrayInputStream(content), Source.of(path), Long.MAX_VALUE, Mode.SOURCE, false)
                .findings();
    }

    /** The prefilter alone: whether {@code content} holds any needle. */
    public boolean mayMatch(byte[] content) {
        return detector.mayMatch(content, content.length);
    }

    /**
     * Detection alone, whatever the prefilter says: its own needle search over the whole content,
     * then the patterns around each occurrence; the number of matches.
     */
    public int matches(byte[] content) {
        return detector.detect(content, content.length, 0, content.length, Mode.SOURCE, null)
                .size();
    }
}
