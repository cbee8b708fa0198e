package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A file of IDs is read within a size and a line limit, and refused past them with a clear error. */
class IdsFileLimitsTest {
    @TempDir
    Path dir;

    private static Cli run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.of("CLOUDFLARE_API_TOKEN", "t"),
                stdin,
                args);
        return new Cli(exit, out.toString(), err.toString());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroIsRefusedNamingTheFileAndTheLimit() {
        Cli cli = run(
                InputStream.nullInputStream(), "revoke", "--account", "acc", "--dry-run", "--ids-file", "/dev/zero");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err())
                .contains("--ids-file /dev/zero:1: the line is longer than 8192 bytes")
                .doesNotContain("Exception");
    }

    @Test
    void anOverLongLineIsRefusedWithItsLineNumber() throws Exception {
        Path file =
                Files.writeString(dir.resolve("ids.txt"), "a1\na2\n" + "x".repeat(8193) + "\n", StandardCharsets.UTF_8);

        Cli cli = run(
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--dry-run",
                "--ids-file",
                file.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--ids-file " + file + ":3: the line is longer than 8192 bytes");
    }

    @Test
    void standardInputBeyondTheSizeLimitIsRefused() {
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ % 40 == 39 ? '\n' : 'a';
            }
        };

        Cli cli = run(endless, "revoke", "--account", "acc", "--dry-run", "--ids-file", "-");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--ids-file standard input is larger than 64 MiB");
    }
}
