package io.regshift.benchmarks;

import io.regshift.core.Catalog;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@link Scanner} on a generated tree on disk, in a warm JVM with a warm page cache: the
 * walk, the opens and reads, the worker pool, detection and the final sort. Against
 * {@link ReaderBenchmark} it shows what the file system and the pool add per byte; the
 * {@code walk} benchmark shows the walk alone. The tree goes to a temporary directory (set
 * {@code -Djava.io.tmpdir} to move it) and is deleted afterwards.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TreeBenchmark -p size=256M
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class TreeBenchmark {
    @Param("256M")
    public String size;

    @Param("42")
    public long seed;

    /** The scanner's worker threads; the machine's cores by default, as {@code regshift scan}. */
    @Param("0")
    public int jobs;

    /** Whether .gitignore files are looked for, as {@code regshift scan} does by default. */
    @Param("false")
    public boolean honourIgnore;

    private Path tree;
    private long totalBytes;
    private long planted;
    private Scanner scanner;
    private Walker walker;
    private ForkJoinPool walkPool;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
        public long files;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            files = 0;
        }
    }

    @Setup
    public void setUp() throws IOException, InterruptedException {
        Corpus corpus = Corpus.plan(seed, CorpusGenerator.parseSize(size));
        tree = Files.createTempDirectory("regshift-tree-benchmark");
        CorpusGenerator.Written written = CorpusGenerator.write(
                corpus, tree.resolve("tree"), Runtime.getRuntime().availableProcessors());
        totalBytes = written.bytes();
        planted = corpus.truths();
        int workers = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        Walker.Options walk = new Walker.Options(honourIgnore, List.of(), List.of(), false);
        scanner = new Scanner(Catalog.standard(), new Scanner.Options(walk, 50L << 20, workers));
        walker = new Walker(walk);
        walkPool = new ForkJoinPool(workers);
        ScanResult first = scanner.scan(List.of(tree.resolve("tree")), null);
        if (first.findings().size() != planted || first.bytesScanned() != totalBytes) {
            throw new IllegalStateException(
                    "the scanner found " + first.findings().size() + " of the " + planted + " planted uses in "
                            + first.bytesScanned() + " of " + totalBytes + " bytes");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        walkPool.shutdownNow();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Benchmark
    public long scan(Bytes counter) throws IOException {
        ScanResult result = scanner.scan(List.of(tree.resolve("tree")), null);
        counter.bytes += result.bytesScanned();
        counter.files += result.filesScanned();
        return result.findings().size();
    }

    /**
     * The walk alone, on as many threads as a scan: directory listing, attributes, ignore and glob
     * checks; no file is opened.
     */
    @Benchmark
    public long walk(Bytes counter) throws IOException {
        LongAdder files = new LongAdder();
        LongAdder bytes = new LongAdder();
        walker.walk(
                tree.resolve("tree"),
                new Walker.Visitor() {
                    @Override
                    public void file(Walker.SourceFile file) {
                        files.increment();
                        bytes.add(file.size());
                    }

                    @Override
                    public void error(String path, String message) {
                        throw new IllegalStateException(path + ": " + message);
                    }
                },
                walkPool);
        counter.files += files.sum();
        counter.bytes += bytes.sum();
        return files.sum();
    }
}
