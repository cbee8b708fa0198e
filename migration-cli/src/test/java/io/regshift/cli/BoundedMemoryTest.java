package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's memory does not grow with the size of what it reads: a real `regshift` process with a
 * heap of 64 MiB scans a 256 MiB single-line file and a 128 MiB archive entry.
 */
class BoundedMemoryTest {
    @Test
    void scansFilesMuchLargerThanItsHeap(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("bundle.min.js");
        byte[] chunk = "a=1;".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 256; i++) {
                out.write(chunk);
            }
            out.write("fetch(`/accounts/${a}/devices/revoke`)".getBytes(StandardCharsets.US_ASCII));
        }
        Path jar = dir.resolve("big.jar");
        long entryPrefix;
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("static/app.js"));
            // Statements that differ, as real bundles do: one chunk repeated compresses past the
            // scanner's inflation ratio limit and would be reported as a zip bomb.
            long written = 0;
            for (int i = 0; written < 128L * chunk.length; i++) {
                byte[] statement = ("v" + i + "=" + (i * 7919L % 100_003) + ";").getBytes(StandardCharsets.US_ASCII);
                zip.write(statement);
                written += statement.length;
            }
            entryPrefix = written;
            zip.write("x='/accounts/%s/devices/unrevoke'".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "scan",
                        "--format",
                        "github",
                        "--max-file-size",
                        "1G",
                        dir.toString()))
                .redirectErrorStream(false)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(err).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(out)
                .contains("file=big.jar!/static/app.js,line=1,col=" + (entryPrefix + "x='/accounts/%s/".length() + 1))
                .contains("file=bundle.min.js,line=1,col="
                        + (256 * chunk.length + "fetch(`/accounts/${a}/".length() + 1));
    }
}
