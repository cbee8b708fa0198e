package io.regshift.scan.engine;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.RuleSet;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Source;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the scanner's pipeline: walk the roots, read each file on a pool of workers (a literal
 * prefilter first), detect, and collect the findings in a stable order with fingerprints.
 *
 * <p>Memory is bounded whatever the tree: each worker reads through one fixed buffer, reads the
 * files it lists itself, and only findings are kept.
 */
public final class Scanner {
    /**
     * @param maxFileSize bytes read per file (and per archive entry) at most
     * @param jobs worker threads
     * @param includeUncertain whether bare paths with no evidence either way are reported, as notes
     */
    public record Options(Walker.Options walk, long maxFileSize, int jobs, boolean includeUncertain) {
        /** Options that report only the uses with evidence. */
        public Options(Walker.Options walk, long maxFileSize, int jobs) {
            this(walk, maxFileSize, jobs, false);
        }

        public Options {
            Objects.requireNonNull(walk, "walk");
            if (maxFileSize < 1) {
                throw new IllegalArgumentException("maxFileSize must be positive, was " + maxFileSize);
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
            }
        }
    }

    /** Live counters, for a progress display; updated by the workers. */
    public static final class Progress {
        private final AtomicLong files = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        public long files() {
            return files.get();
        }

        public long bytes() {
            return bytes.get();
        }
    }

    private final Options options;
    private final RuleSet rules;
    private final Detector detector;

    public Scanner(Catalog catalog, Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.rules = RuleSet.fromCatalog(catalog);
        this.detector = new Detector(catalog, rules);
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * Whether a file of this name is read as compiled code (a {@code .class} file, or a {@code
     * .jar}, {@code .war} or {@code .ear} archive read entry by entry) rather than as text: for a
     * caller that picks the files to scan, such as a build's dependencies.
     */
    public static boolean isArtifact(String fileName) {
        return ArtifactReader.isArtifact(fileName);
    }

    /**
     * Scans the roots (directories or files). With one root, findings are named relative to it (a
     * file root by its name); with several, after their root's path as given, except in a list of
     * files of different names, each named by its own.
     *
     * @throws NoSuchFileException if a root does not exist; nothing is scanned then
     */
    public ScanResult scan(List<Path> roots, Progress progress) throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new NoSuchFileException(root.toString(), null, "no such file or directory");
            }
        }
        long started = System.nanoTime();
        Queue<FileScan> scans = new ConcurrentLinkedQueue<>();
        Queue<ScanError> errors = new ConcurrentLinkedQueue<>();
        ThreadLocal<SourceReader> readers =
                ThreadLocal.withInitial(() -> new SourceReader(detector, options.includeUncertain()));
        AtomicInteger workers = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(
                options.jobs(),
                p -> {
                    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                    t.setName("regshift-scan-" + workers.incrementAndGet());
                    return t;
                },
                null,
                false);
        try {
            Walker walker = new Walker(options.walk());
            boolean filesByName = filesByName(roots);
            for (Path root : roots) {
                boolean directory = Files.isDirectory(root);
                String label = roots.size() == 1 || (!directory && filesByName)
                        ? ""
                        : root.toString().replace('\\', '/');
                walker.walk(
                        root,
                        new Walker.Visitor() {
                            @Override
                            public void file(Walker.SourceFile file) {
                                Source source = new Source(root, file.file(), file.path(), List.of(), label);
                                scans.add(read(file, source, readers.get(), errors, progress));
                            }

                            @Override
                            public void error(String path, String message) {
                                errors.add(new ScanError(
                                        new Source(root, directory ? within(root, path) : root, path, List.of(), label),
                                        message));
                            }
                        },
                        pool);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Finding> findings = new ArrayList<>();
        int suppressed = 0;
        long files = 0;
        long bytes = 0;
        for (FileScan scan : scans) {
            findings.addAll(scan.findings());
            suppressed += scan.suppressed();
            files += scan.files();
            bytes += scan.bytes();
            errors.addAll(scan.errors());
        }
        findings.sort(Comparator.comparing(Finding::path)
                .thenComparingInt(Finding::line)
                .thenComparingInt(Finding::column)
                .thenComparing(Finding::ruleId));
        List<ScanError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(Comparator.comparing(ScanError::path));
        return new ScanResult(
                fingerprinted(findings),
                suppressed,
                0,
                files,
                bytes,
                sortedErrors,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Whether the roots are files only, with names that differ (a list of files, as a pre-commit
     * hook passes): then each is named by its file name; else each by its path as given, so that a
     * file beside a directory, or two files of one name, are told apart.
     */
    private static boolean filesByName(List<Path> roots) {
        Set<String> names = new HashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)
                    || !names.add(
                            root.getFileName() == null
                                    ? root.toString()
                                    : root.getFileName().toString())) {
                return false;
            }
        }
        return true;
    }

    /** The file a walk error names; its text is what reports show, the path only identifies it. */
    private static Path within(Path root, String path) {
        try {
            return path.isEmpty() ? root : root.resolve(path);
        } catch (InvalidPathException e) {
            return root;
        }
    }

    private FileScan read(
            Walker.SourceFile file, Source source, SourceReader reader, Queue<ScanError> errors, Progress progress) {
        try (InputStream in = Files.newInputStream(file.file())) {
            FileScan scan = ArtifactReader.isArtifact(source.path())
                    ? new ArtifactReader(reader).scan(in, source, options.maxFileSize())
                    : reader.scan(in, source, options.maxFileSize(), file.size(), Mode.SOURCE, false);
            if (progress != null) {
                progress.files.incrementAndGet();
                progress.bytes.addAndGet(scan.bytes());
            }
            return scan;
        } catch (AccessDeniedException e) {
            errors.add(new ScanError(source, "permission denied"));
        } catch (NoSuchFileException e) {
            errors.add(new ScanError(source, "disappeared during the scan"));
        } catch (IOException | RuntimeException e) {
            errors.add(new ScanError(
                    source,
                    "unreadable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return new FileScan(List.of(), 0, 0, 0, List.of());
    }

    /**
     * Fingerprints that survive unrelated edits: the rule, the path, the line's text with its
     * whitespace collapsed, and which occurrence of that text in the file this is, but not the line
     * number. The path is {@link Source#fingerprintText()}: a file given as a root counts by its
     * name, and its occurrences among its own lines, so that it has the same fingerprints scanned
     * alone or with others.
     */
    static List<Finding> fingerprinted(List<Finding> sorted) {
        Map<List<Object>, Integer> occurrences = new HashMap<>();
        List<Finding> out = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            String text = f.snippet().replaceAll("\\s+", " ").trim();
            String key = f.ruleId() + '\0' + f.source().fingerprintText() + '\0' + text;
            int occurrence = occurrences.merge(List.of(key, f.source().withLabel("")), 1, Integer::sum);
            out.add(f.withFingerprint(sha256(key + '\0' + occurrence).substring(0, 32)));
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
