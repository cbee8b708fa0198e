package io.regshift.scan.read;

import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.detect.Mode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads compiled artifacts: {@code .class} files, whose constant pools hold a client's paths as
 * plain strings, and {@code .jar}, {@code .war} and {@code .ear} archives, entry by entry and into
 * nested archives, streaming, so nothing is unpacked to disk or held whole in memory. Findings
 * inside an archive are reported as {@code lib/x.jar!/com/acme/Client.class}.
 */
public final class ArtifactReader {
  /** Archives inside archives deeper than this are reported and skipped: a zip bomb guard. */
  private static final int MAX_DEPTH = 8;

  private final SourceReader reader;

  public ArtifactReader(SourceReader reader) {
    this.reader = reader;
  }

  /** Whether the file name is one this reader handles. */
  public static boolean isArtifact(String name) {
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
  public FileScan scan(InputStream in, String path, long maxBytes) throws IOException {
    if (isClass(path)) {
      return reader.scan(in, path, maxBytes, Mode.ARTIFACT, true);
    }
    Totals totals = new Totals();
    scanArchive(in, path, maxBytes, 0, totals);
    return new FileScan(totals.findings, 0, totals.files, totals.bytes, totals.errors);
  }

  private void scanArchive(InputStream in, String path, long maxBytes, int depth, Totals totals)
      throws IOException {
    if (depth > MAX_DEPTH) {
      totals.errors.add(new ScanError(path, "archives nested deeper than " + MAX_DEPTH + " levels were skipped"));
      return;
    }
    ZipInputStream zip = new ZipInputStream(new NoClose(in));
    try {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        String entryPath = path + "!/" + entry.getName();
        if (isArchive(entry.getName())) {
          scanArchive(zip, entryPath, maxBytes, depth + 1, totals);
          totals.files++;
        } else {
          totals.add(reader.scan(zip, entryPath, maxBytes, Mode.ARTIFACT, isClass(entry.getName())));
        }
      }
    } catch (ZipException e) {
      totals.errors.add(new ScanError(path, "not a readable archive: " + e.getMessage()));
    }
  }

  private static final class Totals {
    final List<Finding> findings = new ArrayList<>();
    final List<ScanError> errors = new ArrayList<>();
    long files;
    long bytes;

    void add(FileScan scan) {
      findings.addAll(scan.findings());
      errors.addAll(scan.errors());
      files += scan.files();
      bytes += scan.bytes();
    }
  }

  /** Lets a nested {@link ZipInputStream} be dropped without closing the entry it reads. */
  private static final class NoClose extends FilterInputStream {
    NoClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
