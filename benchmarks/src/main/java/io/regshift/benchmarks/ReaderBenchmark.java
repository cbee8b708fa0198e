package io.regshift.benchmarks;

import io.regshift.core.Catalog;
import io.regshift.scan.engine.HotPath;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scanner's hot path on one core, per byte, with no file system: the generated corpus held in
 * memory, read through the scanner's reader ({@link HotPath#findings}: prefilter, then detection
 * where the needle is) and, to split its cost, through its first steps alone. The {@code bytes} counter is the rate to
 * compare: bytes scanned per second on one thread.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReaderBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class ReaderBenchmark {
    /** Corpus size held in memory, e.g. 64M. */
    @Param("64M")
    public String size;

    @Param("42")
    public long seed;

    /** Shares of files with true uses and near misses; 0 and 0 leave detection out entirely. */
    @Param("0.005")
    public double truthRate;

    @Param("0.03")
    public double nearMissRate;

    private List<String> paths;
    private List<byte[]> contents;
    private long totalBytes;
    private long planted;
    private HotPath hotPath;

    /** Bytes handled in the iteration: JMH reports it as a rate, bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** One reader per thread, as the scanner's workers have. */
    @State(Scope.Thread)
    public static class Reader {
        HotPath reader;

        @Setup
        public void setUp(ReaderBenchmark b) {
            reader = b.hotPath.forAnotherThread();
        }
    }

    @Setup
    public void setUp() throws IOException {
        Corpus corpus = Corpus.plan(seed, CorpusGenerator.parseSize(size), truthRate, nearMissRate);
        paths = corpus.files().stream().map(CorpusFile::path).toList();
        contents = corpus.files().stream().map(SourceText::render).toList();
        totalBytes = contents.stream().mapToLong(c -> c.length).sum();
        planted = corpus.truths();
        hotPath = new HotPath(Catalog.standard());
        long found = sourceReader(hotPath, new Bytes());
        if (found != planted) {
            throw new IllegalStateException("the reader found " + found + " of the " + planted + " planted uses");
        }
    }

    /** The whole per-file path after the open: window read, binary sniff, prefilter, detection. */
    @Benchmark
    public long sourceReader(Reader reader, Bytes bytes) throws IOException {
        return sourceReader(reader.reader, bytes);
    }

    private long sourceReader(HotPath reader, Bytes bytes) throws IOException {
        long findings = 0;
        for (int i = 0; i < contents.size(); i++) {
            findings += reader.findings(contents.get(i), paths.get(i)).size();
        }
        bytes.bytes += totalBytes;
        return findings;
    }

    /** The prefilter as the reader runs it: the needle searched in the raw bytes, eight at a time. */
    @Benchmark
    public long prefilter(Bytes bytes) {
        long candidates = 0;
        for (byte[] content : contents) {
            if (hotPath.mayMatch(content)) {
                candidates++;
            }
        }
        bytes.bytes += totalBytes;
        return candidates;
    }

    /**
     * Detection called on every file whatever the prefilter says: its own needle search over the
     * whole text, then the patterns around each occurrence.
     */
    @Benchmark
    public long detectOnly(Bytes bytes) {
        long matches = 0;
        for (byte[] content : contents) {
            matches += hotPath.matches(content);
        }
        bytes.bytes += totalBytes;
        return matches;
    }
}
