package io.regshift.scan.engine;

import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.Source;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads compiled artifacts: {@code .class} files, whose constant pools hold a client's paths as
 * plain strings, and {@code .jar}, {@code .war} and {@code .ear} archives, entry by entry and into
 * nested archives, streaming, so nothing is unpacked to disk or held whole in memory. Findings
 * inside an archive are reported as {@code lib/x.jar!/com/acme/Client.class}.
 *
 * <p>A zip bomb cannot keep the scan busy: each top-level archive has an inflation {@link Budget}
 * over all its nesting, and an entry larger than the size limit is skipped without being inflated
 * when its header declares its size. An archive over its budget is reported and the rest of it is
 * not read.
 */
final class ArtifactReader {
    /** Archives inside archives deeper than this are reported and skipped. */
    private static final int MAX_DEPTH = 8;

    /** The end-of-central-directory signature that an archive without entries starts with. */
    private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

    /**
     * What reading one top-level archive may cost, across all the archives nested in it.
     *
     * @param maxInflatedBytes bytes inflated at most, counted at every level of nesting
     * @param maxEntries entries (files and directories) at most, at every level of nesting
     * @param minInflateRatio compressed size over inflated size below which an entry is a bomb, once
     *     it has inflated {@code ratioGraceBytes}
     * @param ratioGraceBytes inflated bytes of an entry before its ratio is checked: small entries of
     *     repetitive text legitimately compress well
     */
    record Budget(long maxInflatedBytes, long maxEntries, double minInflateRatio, long ratioGraceBytes) {
        /**
         * 4 GiB inflated and a million entries are several times the largest application archives;
         * the ratio and its grace are Apache POI's {@code ZipSecureFile} minimum inflate ratio (0.01,
         * that is 100 to 1) with a grace of 1 MiB instead of its 100 KiB, so that only entries that are
         * both large and extremely repetitive are refused.
         */
        static final Budget DEFAULT = new Budget(4L << 30, 1_000_000, 0.01, 1L << 20);
    }

    private final SourceReader reader;
    private final Budget budget;

    ArtifactReader(SourceReader reader) {
        this(reader, Budget.DEFAULT);
    }

    ArtifactReader(SourceReader reader, Budget budget) {
        this.reader = reader;
        this.budget = budget;
    }

    /** Whether the file name is one this reader handles. */
    static boolean isArtifact(String name) {
        return isClass(name) || isArchive(name);
    }

    static boolean isClass(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".class");
    }

    static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
    }

    /** Scans a class file or an archive; {@code maxBytes} bounds each entry. */
    FileScan scan(InputStream in, Source source, long maxBytes) throws IOException {
        if (isClass(source.text())) {
            return reader.scan(in, source, maxBytes, Mode.ARTIFACT, true);
        }
        Totals totals = new Totals();
        try {
            scanArchive(in, source, maxBytes, 0, totals);
        } catch (OverBudget e) {
            totals.errors.add(new ScanError(
                    source,
                    "over the archive inflation budget: " + e.getMessage()
                            + "; the rest of the archive was not scanned"));
        }
        return new FileScan(totals.findings, 0, totals.files, totals.bytes, totals.errors);
    }

    private void scanArchive(InputStream in, Source source, long maxBytes, int depth, Totals totals)
            throws IOException {
        if (depth > MAX_DEPTH) {
            totals.errors.add(
                    new ScanError(source, "archives nested deeper than " + MAX_DEPTH + " levels were skipped"));
            return;
        }
        BufferedInputStream buffered = new BufferedInputStream(new NoClose(in));
        buffered.mark(EMPTY_ARCHIVE.length);
        boolean empty = Arrays.equals(buffered.readNBytes(EMPTY_ARCHIVE.length), EMPTY_ARCHIVE);
        buffered.reset();
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(buffered)) {
            int entries = 0;
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                totals.countEntry(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                Source entrySource = source.entry(entry.getName());
                if (!zip.canReadEntryData(entry)) {
                    totals.errors.add(new ScanError(
                            entrySource, "not scanned: encrypted, or compressed with a method regshift cannot read"));
                    continue;
                }
                if (entry.getSize() > maxBytes) {
                    // The stream skips an entry of declared size without inflating it.
                    totals.errors.add(new ScanError(
                            entrySource, "larger than the size limit (" + maxBytes + " bytes): not scanned"));
                    continue;
                }
                totals.checkDeclaredRatio(entry);
                Metered metered = new Metered(zip, entry.getName(), totals);
                if (isArchive(entry.getName())) {
                    scanArchive(metered, entrySource, maxBytes, depth + 1, totals);
                    totals.files++;
                } else {
                    totals.add(reader.scan(metered, entrySource, maxBytes, Mode.ARTIFACT, isClass(entry.getName())));
                }
                if (!declaresItsSize(entry)) {
                    // Only inflating finds the end of this entry: do it here, where the budget sees it.
                    metered.drain();
                }
            }
            if (entries == 0 && !empty) {
                // The stream finds no entry in what is not a zip archive at all, and does not say so.
                totals.errors.add(new ScanError(source, "not a readable archive: no zip entry found"));
            }
        } catch (OverBudget e) {
            throw e;
        } catch (IOException e) {
            totals.errors.add(new ScanError(
                    source,
                    "not a readable archive: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    private static boolean declaresItsSize(ZipArchiveEntry entry) {
        return entry.getSize() >= 0
                && entry.getCompressedSize() >= 0
                && !entry.getGeneralPurposeBit().usesDataDescriptor();
    }

    /** A top-level archive's budget was exceeded: the archive is not read further. */
    private static final class OverBudget extends IOException {
        OverBudget(String message) {
            super(message);
        }
    }

    private final class Totals {
        final List<Finding> findings = new ArrayList<>();
        final List<ScanError> errors = new ArrayList<>();
        long files;
        long bytes;
        long entries;
        long inflated;

        void add(FileScan scan) {
            findings.addAll(scan.findings());
            errors.addAll(scan.errors());
            files += scan.files();
            bytes += scan.bytes();
        }

        void countEntry(String name) throws OverBudget {
            if (++entries > budget.maxEntries()) {
                throw new OverBudget("more than " + budget.maxEntries() + " entries, at " + name);
            }
        }

        void checkDeclaredRatio(ZipArchiveEntry entry) throws OverBudget {
            if (declaresItsSize(entry)) {
                checkRatio(entry.getName(), entry.getCompressedSize(), entry.getSize());
            }
        }

        void inflated(String name, long n, long compressedSoFar, long inflatedSoFar) throws OverBudget {
            inflated += n;
            if (inflated > budget.maxInflatedBytes()) {
                throw new OverBudget("more than " + budget.maxInflatedBytes() + " bytes inflated, at " + name);
            }
            checkRatio(name, compressedSoFar, inflatedSoFar);
        }

        private void checkRatio(String name, long compressed, long inflated) throws OverBudget {
            if (compressed >= 0
                    && inflated > budget.ratioGraceBytes()
                    && compressed < inflated * budget.minInflateRatio()) {
                throw new OverBudget(name + " inflates to more than " + Math.round(1 / budget.minInflateRatio())
                        + " times its compressed size");
            }
        }
    }

    /** One entry's inflated bytes, charged to the budget as they are read. */
    private static final class Metered extends InputStream {
        private final ZipArchiveInputStream zip;
        private final String name;
        private final Totals totals;
        private final byte[] one = new byte[1];
        private long inflated;

        Metered(ZipArchiveInputStream zip, String name, Totals totals) {
            this.zip = zip;
            this.name = name;
            this.totals = totals;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = zip.read(b, off, len);
            if (n > 0) {
                inflated += n;
                totals.inflated(name, n, zip.getCompressedCount(), inflated);
            }
            return n;
        }

        void drain() throws IOException {
            byte[] skipped = new byte[8192];
            int n;
            do {
                n = read(skipped, 0, skipped.length);
            } while (n >= 0);
        }
    }

    /** Lets a nested archive's stream be closed without closing the entry it reads. */
    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
