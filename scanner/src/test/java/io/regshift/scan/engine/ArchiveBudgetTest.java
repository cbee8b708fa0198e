package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.RuleSet;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Source;
import io.regshift.scan.walk.Walker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip bombs, built here: small on disk, huge inflated. Each must be reported and skipped while the
 * scan goes on; an ordinary archive must be read as before.
 */
class ArchiveBudgetTest {
    private static final long GIB = 1L << 30;
    private static final byte[] LEGACY_CALL =
            "curl -X POST $API/accounts/$A/devices/revoke\n".getBytes(StandardCharsets.UTF_8);

    /** A gibibyte of zeros, deflated: about a megabyte. */
    static byte[] deflatedGib;

    static long gibCrc;

    @BeforeAll
    static void deflateAGibibyteOfZeros() {
        byte[] zeros = new byte[1 << 20];
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 << 10];
        for (long done = 0; done < GIB; done += zeros.length) {
            crc.update(zeros);
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        deflatedGib = out.toByteArray();
        gibCrc = crc.getValue();
    }

    /** An archive whose entries are a gibibyte of zeros each, their sizes declared in their headers. */
    private static byte[] gibEntries(int count, String... textEntries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                ZipArchiveEntry entry = new ZipArchiveEntry("zeros-" + i + ".bin");
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setSize(GIB);
                entry.setCompressedSize(deflatedGib.length);
                entry.setCrc(gibCrc);
                zip.addRawArchiveEntry(entry, new ByteArrayInputStream(deflatedGib));
            }
            for (String name : textEntries) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(LEGACY_CALL);
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An archive as java.util.zip writes it: deflated entries whose sizes follow their data. */
    private static byte[] zip(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ScanResult scan(Path tree, long maxFileSize) throws IOException {
        Scanner scanner = new Scanner(
                Catalog.standard(),
                new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), maxFileSize, 2));
        return scanner.scan(List.of(tree), null);
    }

    private static FileScan read(byte[] archive, ArtifactReader.Budget budget) throws IOException {
        Catalog catalog = Catalog.standard();
        SourceReader reader = new SourceReader(new Detector(catalog, RuleSet.fromCatalog(catalog)));
        return new ArtifactReader(reader, budget)
                .scan(new ByteArrayInputStream(archive), Source.of("app.jar"), 50L << 20);
    }

    @Test
    void aNestedZipBombIsReportedAndTheScanGoesOn(@TempDir Path tree) throws IOException {
        byte[] inner = gibEntries(16);
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            names.add("lib/inner-" + i + ".jar");
            contents.add(inner);
        }
        Files.write(tree.resolve("bomb.jar"), zip(names, contents));
        Files.write(tree.resolve("deploy.sh"), LEGACY_CALL);

        ScanResult result = scan(tree, 50L << 20);

        assertThat(result.errors())
                .filteredOn(e -> e.path().equals("bomb.jar"))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .startsWith("over the archive inflation budget: ")
                        .endsWith("the rest of the archive was not scanned"));
        assertThat(result.findings()).extracting(Finding::path).containsExactly("deploy.sh");
    }

    @Test
    void anEntryOfUndeclaredSizeIsCheckedWhileItInflates(@TempDir Path tree) throws IOException {
        Files.write(
                tree.resolve("app.jar"),
                zip(List.of("zeros.bin", "deploy.sh"), List.of(new byte[64 << 20], LEGACY_CALL)));

        ScanResult result = scan(tree, 50L << 20);

        assertThat(result.errors())
                .extracting(ScanError::path, ScanError::message)
                .containsExactly(Tuple.tuple(
                        "app.jar",
                        "over the archive inflation budget: zeros.bin inflates to more than 100 times its compressed size;"
                                + " the rest of the archive was not scanned"));
    }

    @Test
    void anEntryOverTheSizeLimitIsSkippedWithoutInflatingIt(@TempDir Path tree) throws IOException {
        // Inflated, the entry would trip the ratio check: only skipping it unread leaves the archive whole.
        Files.write(tree.resolve("app.jar"), gibEntries(1, "deploy.sh"));

        ScanResult result = scan(tree, 1L << 20);

        assertThat(result.errors())
                .extracting(ScanError::path, ScanError::message)
                .containsExactly(
                        Tuple.tuple("app.jar!/zeros-0.bin", "larger than the size limit (1048576 bytes): not scanned"));
        assertThat(result.findings()).extracting(Finding::path).containsExactly("app.jar!/deploy.sh");
    }

    @Test
    void entriesAreCountedAcrossNesting() throws IOException {
        byte[] inner = zip(List.of("a.txt", "b.txt", "c.txt"), List.of(LEGACY_CALL, LEGACY_CALL, LEGACY_CALL));
        byte[] outer = zip(List.of("one.jar", "two.jar"), List.of(inner, inner));

        FileScan scan = read(outer, new ArtifactReader.Budget(1L << 30, 7, 0.01, 1L << 20));

        assertThat(scan.errors())
                .extracting(ScanError::message)
                .containsExactly(
                        "over the archive inflation budget: more than 7 entries, at c.txt; the rest of the archive was not scanned");
        assertThat(scan.findings())
                .extracting(Finding::path)
                .containsExactly(
                        "app.jar!/one.jar!/a.txt",
                        "app.jar!/one.jar!/b.txt",
                        "app.jar!/one.jar!/c.txt",
                        "app.jar!/two.jar!/a.txt",
                        "app.jar!/two.jar!/b.txt");
    }

    @Test
    void inflatedBytesAreCountedAcrossNesting() throws IOException {
        byte[] noise = new byte[300_000];
        new Random(12).nextBytes(noise);
        byte[] inner = zip(List.of("noise.bin"), List.of(noise));
        byte[] outer = zip(List.of("one.jar", "two.jar"), List.of(inner, inner));

        FileScan scan = read(outer, new ArtifactReader.Budget(1_000_000, 1_000_000, 0.01, 1L << 20));

        assertThat(scan.errors())
                .extracting(ScanError::message)
                .singleElement()
                .asString()
                .startsWith("over the archive inflation budget: more than 1000000 bytes inflated, at ");
    }

    @Test
    void anOrdinaryNestedJarIsStillScanned(@TempDir Path tree) throws IOException {
        byte[] inner = zip(
                List.of("META-INF/endpoints.sh", "README.txt"),
                List.of(LEGACY_CALL, "nothing here\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(
                tree.resolve("app.war"),
                zip(
                        List.of("WEB-INF/lib/client.jar", "WEB-INF/web.xml"),
                        List.of(inner, "<web-app/>".getBytes(StandardCharsets.UTF_8))));

        ScanResult result = scan(tree, 50L << 20);

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings())
                .extracting(Finding::path)
                .containsExactly("app.war!/WEB-INF/lib/client.jar!/META-INF/endpoints.sh");
    }
}
