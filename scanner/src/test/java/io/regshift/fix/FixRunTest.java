package io.regshift.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fix plan is per file found, named and written where the scan found it, whatever the roots. */
class FixRunTest {
    private static final String CALL = "client.zero_trust.devices.revoke.create(account_id=a, body=ids)\n";
    private static final String FIXED = "client.zero_trust.devices.registrations.revoke(account_id=a, id=ids)\n";

    @TempDir
    Path dir;

    private static FixRun plan(List<Path> roots) throws IOException {
        ScanResult scan = new Scanner(
                        Catalog.standard(),
                        new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1))
                .scan(roots, null);
        return FixRun.plan(scan, roots, 1 << 20);
    }

    @Test
    void aFileGivenBesideADirectoryIsNamedByThePathItWasGivenAs() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("app.py"), CALL);
        Path script = Files.createDirectories(dir.resolve("scripts")).resolve("revoke.py");
        Files.writeString(script, CALL);
        String scriptName = script.toString().replace('\\', '/');

        FixRun run = plan(List.of(src, script));

        assertThat(run.diff()).contains("--- a/" + scriptName + "\n+++ b/" + scriptName + "\n");
        assertThat(run.notFixableFindings()).isEmpty();
        assertThat(run.write()).isEqualTo(2);
        assertThat(script).hasContent(FIXED);
    }

    @Test
    void filesOfTheSameNameUnderTwoRootsAreTwoPlansEachWrittenInPlace() throws IOException {
        Path first = Files.createDirectories(dir.resolve("a")).resolve("revoke.py");
        Path second = Files.createDirectories(dir.resolve("b")).resolve("revoke.py");
        Files.writeString(first, CALL);
        Files.writeString(second, "import os\n\n" + CALL);

        FixRun run = plan(List.of(first, second));

        assertThat(run.errors()).isEmpty();
        assertThat(run.changedFiles()).isEqualTo(2);
        assertThat(run.write()).isEqualTo(2);
        assertThat(first).hasContent(FIXED);
        assertThat(second).hasContent("import os\n\n" + FIXED);
    }

    @Test
    void findingsOfFilesOfTheSameNameUnderTwoRootsAreNamedApart() throws IOException {
        Path first = Files.createDirectories(dir.resolve("a")).resolve("revoke.py");
        Path second = Files.createDirectories(dir.resolve("b")).resolve("revoke.py");
        Files.writeString(first, CALL);
        Files.writeString(second, CALL);

        ScanResult scan = new Scanner(
                        Catalog.standard(),
                        new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1))
                .scan(List.of(first, second), null);

        assertThat(scan.findings())
                .extracting(Finding::path)
                .containsExactly(
                        first.toString().replace('\\', '/'), second.toString().replace('\\', '/'));
    }
}
