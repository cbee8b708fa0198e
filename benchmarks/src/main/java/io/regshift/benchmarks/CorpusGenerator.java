package io.regshift.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the benchmark corpus: a deterministic tree of TypeScript, Python, Go, Java, YAML, JSON,
 * Markdown and shell files, 1 KB to 200 KB each, in which a few files hold true uses of the
 * deprecated endpoints and a few more hold near misses ({@code /devices/registrations/revoke},
 * {@code physical-devices/x/revoke}, "revoked", "evoke"). The same seed and size give a
 * byte-identical tree.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.regshift.benchmarks.CorpusGenerator \
 *     --out /tmp/regshift-corpus/tree --size 1G --seed 42 [--manifest FILE] [--threads N] \
 *     [--truth-rate 0.005] [--near-miss-rate 0.03]
 * </pre>
 *
 * <p>It prints how many true uses it planted: {@code regshift scan} on the tree must report
 * exactly that many findings. {@code --manifest} also writes the figures as {@code key=value}
 * lines, for scripts. Rates of 0 give a control corpus that the prefilter rejects file by file.
 */
public final class CorpusGenerator {
    /** Bumped whenever the same seed and size would give different bytes. */
    static final int GENERATOR_VERSION = 1;

    private CorpusGenerator() {}

    /** What {@link #write} wrote. */
    record Written(long files, long bytes) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = null;
        Path manifest = null;
        long size = 1L << 30;
        long seed = 42;
        double truthRate = Corpus.TRUTH_RATE;
        double nearMissRate = Corpus.NEAR_MISS_RATE;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--manifest" -> manifest = Path.of(value(args, ++i, arg));
                case "--size" -> {
                    try {
                        size = parseSize(value(args, ++i, arg));
                    } catch (IllegalArgumentException e) {
                        fail(e.getMessage());
                    }
                }
                case "--seed" -> seed = parseLong(value(args, ++i, arg), arg);
                case "--threads" -> threads = (int) parseLong(value(args, ++i, arg), arg);
                case "--truth-rate" -> truthRate = parseRate(value(args, ++i, arg), arg);
                case "--near-miss-rate" -> nearMissRate = parseRate(value(args, ++i, arg), arg);
                case "--version" -> {
                    System.out.println("generator=" + GENERATOR_VERSION);
                    System.out.println("truthRate=" + Corpus.TRUTH_RATE);
                    System.out.println("nearMissRate=" + Corpus.NEAR_MISS_RATE);
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> fail("unknown argument '" + arg + "'");
            }
        }
        if (out == null) {
            fail("--out DIR is required");
        }
        if (threads < 1) {
            fail("--threads must be at least 1, was " + threads);
        }

        Corpus corpus = Corpus.plan(seed, size, truthRate, nearMissRate);
        long started = System.nanoTime();
        Written written;
        try {
            written = write(corpus, out, threads);
        } catch (IllegalStateException e) {
            fail(e.getMessage());
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "wrote %d files, %d bytes (%.2f GiB) to %s in %.1f s (seed %d, size %d)%n",
                written.files(),
                written.bytes(),
                written.bytes() / (double) (1L << 30),
                out,
                seconds,
                seed,
                size);
        System.out.printf(
                Locale.ROOT,
                "planted %d true uses in %d files: regshift scan must report exactly %d findings%n",
                corpus.truths(),
                corpus.truthFiles(),
                corpus.truths());
        System.out.printf(
                Locale.ROOT,
                "planted %d near misses in %d files: none is a finding%n",
                corpus.nearMisses(),
                corpus.nearMissFiles());
        if (manifest != null) {
            writeManifest(manifest, corpus, written);
        }
    }

    /**
     * Renders every file of {@code corpus} under {@code out}, which must be absent or empty, on
     * {@code threads} threads; the bytes do not depend on the order.
     *
     * @throws IllegalStateException if {@code out} holds anything
     */
    static Written write(Corpus corpus, Path out, int threads) throws IOException, InterruptedException {
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(out + " is not empty: give a new or empty directory");
                }
            }
        } else if (Files.exists(out)) {
            throw new IllegalStateException(out + " is a file: give a new or empty directory");
        }
        TreeSet<String> directories = new TreeSet<>();
        for (CorpusFile f : corpus.files()) {
            int slash = f.path().lastIndexOf('/');
            if (slash > 0) {
                directories.add(f.path().substring(0, slash));
            }
        }
        Files.createDirectories(out);
        for (String directory : directories) {
            Files.createDirectories(out.resolve(directory));
        }

        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            int batch = Math.max(1, corpus.files().size() / (threads * 16));
            for (int from = 0; from < corpus.files().size(); from += batch) {
                List<CorpusFile> slice =
                        corpus.files().subList(from, Math.min(corpus.files().size(), from + batch));
                done.add(pool.submit(() -> {
                    for (CorpusFile f : slice) {
                        byte[] content = SourceText.render(f);
                        try {
                            Files.write(
                                    out.resolve(f.path()),
                                    content,
                                    StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write " + out.resolve(f.path()), e);
                        }
                        bytes.addAndGet(content.length);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("rendering failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Written(corpus.files().size(), bytes.get());
    }

    /** {@code key=value} lines in a fixed order: no timestamp, so equal corpora give equal files. */
    static void writeManifest(Path manifest, Corpus corpus, Written written) throws IOException {
        String text = "generator=" + GENERATOR_VERSION + "\n"
                + "seed=" + corpus.seed() + "\n"
                + "size=" + corpus.size() + "\n"
                + "truthRate=" + corpus.truthRate() + "\n"
                + "nearMissRate=" + corpus.nearMissRate() + "\n"
                + "files=" + written.files() + "\n"
                + "bytes=" + written.bytes() + "\n"
                + "planted=" + corpus.truths() + "\n"
                + "plantedFiles=" + corpus.truthFiles() + "\n"
                + "nearMisses=" + corpus.nearMisses() + "\n"
                + "nearMissFiles=" + corpus.nearMissFiles() + "\n";
        Path parent = manifest.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(manifest, text, StandardCharsets.UTF_8);
    }

    /** {@code 1G}, {@code 512M}, {@code 64K} (powers of 1024) or a number of bytes. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--size '" + text + "': expected a size such as 1G, 512M, 64K or 1048576");
        }
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("--size '" + text + "': must be positive and below 8 EiB");
        }
        return n << shift;
    }

    private static long parseLong(String text, String option) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            fail(option + " '" + text + "': expected a whole number");
            return 0;
        }
    }

    private static double parseRate(String text, String option) {
        try {
            double rate = Double.parseDouble(text.trim());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(option + " '" + text + "': expected a share of the files between 0 and 1");
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static String usage() {
        return "usage: CorpusGenerator --out DIR [--size 1G] [--seed 42] [--manifest FILE] [--threads N]\n"
                + "                       [--truth-rate " + Corpus.TRUTH_RATE + "] [--near-miss-rate "
                + Corpus.NEAR_MISS_RATE + "]\n"
                + "         (the shares of files with true uses and with near misses; 0 and 0 give a corpus\n"
                + "         where the prefilter never lets a file through, to separate detection's cost)\n"
                + "       CorpusGenerator --version   (prints the generator's version and default rates, as the manifest names them)";
    }

    private static void fail(String message) {
        System.err.println("CorpusGenerator: " + message);
        System.err.println(usage());
        System.exit(2);
    }
}
