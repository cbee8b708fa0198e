package io.regshift.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix}'s diff is a patch: {@code git apply} and {@code patch -p1}, run from the root on it,
 * make of the tree byte for byte what {@code fix --write} makes, for CRLF and BOM files, files
 * without a final newline, names with a space and lines that are not ASCII. regshift, git and
 * patch each run as their own process, regshift under the C locale.
 */
class FixDiffAppliesTest {
    private static final String CALL = "client.zero_trust.devices.revoke.create(account_id=a, body=ids)";

    @TempDir
    Path dir;

    /** The golden inputs, and the cases they lack. */
    private Path tree(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Trees.copy(FixCommandTest.GOLDEN.resolve("input"), root);
        Path python = root.resolve("python");
        Files.writeString(python.resolve("changed_last_line.py"), "import os\n\n" + CALL, UTF_8);
        Files.writeString(python.resolve("unchanged_last_line.py"), CALL + "\nprint('done')", UTF_8);
        Files.writeString(python.resolve("crlf_last_line.py"), "import os\r\n\r\n" + CALL, UTF_8);
        Files.writeString(python.resolve("with space.py"), CALL + "\n", UTF_8);
        Files.writeString(python.resolve("non_ascii.py"), "# Geräte löschen\n" + CALL + "  # ✓ für alle\n", UTF_8);
        return root;
    }

    @Test
    void gitApplyMakesWhatWriteMakes() throws Exception {
        Path written = tree("written");
        Path patched = tree("patched");
        Path diff = dir.resolve("fix.diff");

        regshift(diff, "fix", "--write", written.toString());
        regshift(diff, "fix", patched.toString());
        assertThat(Files.readString(diff, UTF_8))
                .contains("+++ b/python/changed_last_line.py\n")
                .contains("+++ b/python/unchanged_last_line.py\n")
                .contains("+++ b/python/crlf_last_line.py\n")
                .contains("+++ b/python/with space.py\t\n")
                .contains("+++ b/python/non_ascii.py\n")
                .contains("+++ b/curl/crlf.sh\n")
                .contains("\\ No newline at end of file\n");
        run(patched, "git", "apply", diff.toString());

        assertSameFiles(patched, written);
    }

    @Test
    void patchMakesWhatWriteMakes() throws Exception {
        Assumptions.assumeTrue(onPath("patch"), "patch is not installed");
        Path written = tree("written");
        Path patched = tree("patched");
        Path diff = dir.resolve("fix.diff");

        regshift(diff, "fix", "--write", written.toString());
        regshift(diff, "fix", patched.toString());
        run(patched, "patch", "-p1", "--batch", "--silent", "-i", diff.toString());

        assertSameFiles(patched, written);
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        assertThat(files(actual)).isEqualTo(files(expected));
        for (Path file : files(expected)) {
            assertThat(actual.resolve(file)).as(file.toString()).hasSameBinaryContentAs(expected.resolve(file));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Runs regshift in its own JVM under the C locale, its standard output to {@code out}. */
    private void regshift(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.regshift.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("regshift.err").toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(dir.resolve("regshift.err")))
                .isLessThan(2);
    }

    private void run(Path directory, String... command) throws Exception {
        Path output = dir.resolve("command.out");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Outside a repository git apply works on the directory it runs in; a repository above the
        // temporary directory must not be taken for this tree's.
        pb.environment().put("GIT_CEILING_DIRECTORIES", dir.toString());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
                .as(String.join(" ", command) + "\n" + Files.readString(output))
                .isZero();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
