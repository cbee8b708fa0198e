package io.regshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any bytes: invalid UTF-8, NULs, CRLF, BOMs, huge lines, oversized files. */
class ReaderRobustnessTest {
    @TempDir
    Path dir;

    private ScanResult scan() throws IOException {
        return FixtureTreeTest.scan(dir, true);
    }

    private ScanResult scan(long maxFileSize) throws IOException {
        return new io.regshift.scan.engine.Scanner(
                        io.regshift.core.Catalog.standard(),
                        new io.regshift.scan.engine.Scanner.Options(
                                new io.regshift.scan.walk.Walker.Options(true, List.of(), List.of(), false),
                                maxFileSize,
                                1))
                .scan(List.of(dir), null);
    }

    @Test
    void crlfLinesAndAUtf8BomGiveTheSameLineAndColumnAsPlainText() throws IOException {
        Files.write(dir.resolve("bom.ts"), bytes("\uFEFFconst u = \"/accounts/x/devices/revoke\";\r\nok();\r\n"));
        Files.write(dir.resolve("crlf.ts"), bytes("a();\r\nb();\r\n  const é = \"/accounts/x/devices/unrevoke\";\r\n"));

        List<Finding> findings = scan().findings();

        assertThat(findings)
                .extracting(f -> f.path() + ":" + f.line() + ":" + f.column())
                .containsExactly(
                        "bom.ts:1:24",
                        "crlf.ts:3:26"); // the match is "devices/..."; the BOM is not a character of the line
        assertThat(findings.get(1).snippet()).isEqualTo("const é = \"/accounts/x/devices/unrevoke\";");
    }

    @Test
    void invalidUtf8AroundAMatchIsReplacedNotFatal() throws IOException {
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' '};
        write("bad.txt", bad, bytes("curl https://h/accounts/a/devices/revoke\n"), bad);

        List<Finding> findings = scan().findings();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).snippet()).contains("\uFFFD").contains("/devices/revoke");
    }

    @Test
    void filesWithANulNearTheStartAreBinaryAndSkipped() throws IOException {
        write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, bytes("/accounts/a/devices/revoke"));
        write("late-nul.log", bytes("x".repeat(9000) + "\n/accounts/a/devices/revoke\n"), new byte[] {0});

        assertThat(scan().findings()).extracting(Finding::path).containsExactly("late-nul.log");
    }

    @Test
    void aMatchBeyondMaxFileSizeIsNotReadAndTheTruncationIsReported() throws IOException {
        write("big.txt", bytes("a\n".repeat(4096)), bytes("/accounts/a/devices/revoke\n"));
        write("small.txt", bytes("/accounts/a/devices/unrevoke\n"));

        ScanResult result = scan(8192);

        assertThat(result.findings()).extracting(Finding::path).containsExactly("small.txt");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("big.txt");
            assertThat(e.message()).contains("the size limit").contains("8192");
        });
    }

    @Test
    void aHugeSingleLineIsReadInBoundedWindowsWithTheRightColumn() throws IOException {
        Path file = dir.resolve("one-line.min.js");
        long padding = 9L << 20; // longer than two windows
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = "abcdefghij".repeat(1024 * 1024 / 10).getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            while (written < padding) {
                out.write(chunk);
                written += chunk.length;
            }
            out.write(bytes("fetch(`/accounts/${a}/devices/revoke`)"));
        }
        long before = Files.size(file) - "fetch(`/accounts/${a}/devices/revoke`)".length();

        Finding f = scan().findings().get(0);

        assertThat(f.line()).isEqualTo(1);
        assertThat(f.column()).isEqualTo((int) before + "fetch(`/accounts/${a}".length() + 2);
    }

    @Test
    void nothingIsWrittenToTheScannedTree() throws IOException {
        write("a.py", bytes("client.zero_trust.devices.revoke.create(account_id=a, body=b)\n"));
        long before;
        try (var s = Files.list(dir)) {
            before = s.count();
        }
        scan();
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(before);
        }
    }

    private void write(String name, byte[]... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            for (byte[] p : parts) {
                out.write(p);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
