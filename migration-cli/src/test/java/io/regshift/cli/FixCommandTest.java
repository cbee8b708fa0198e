package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.fix.FixRun;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    static final Path GOLDEN = Path.of("src/test/resources/fixtures/fix");

    @TempDir
    Path dir;

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void goldenFilesAreRewrittenExactly() throws IOException {
        Trees.copy(GOLDEN.resolve("input"), dir);

        Cli cli = Cli.run("fix", "--write", dir.toString());

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(files(dir)).isEqualTo(files(GOLDEN.resolve("expected")));
        for (Path file : files(dir)) {
            assertThat(dir.resolve(file))
                    .as(file.toString())
                    .hasSameBinaryContentAs(GOLDEN.resolve("expected").resolve(file));
        }
    }

    @Test
    void withoutWriteItPrintsADiffAndChangesNothing() throws IOException {
        Trees.copy(GOLDEN.resolve("input"), dir);

        Cli cli = Cli.run("fix", dir.toString());

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out())
                .contains("--- a/python/single_line.py\n+++ b/python/single_line.py\n@@ -4,8 +4,8 @@")
                .contains("-    client.zero_trust.devices.revoke.create(account_id=account_id, body=ids)\n"
                        + "+    client.zero_trust.devices.registrations.revoke(account_id=account_id, id=ids)\n");
        assertThat(cli.err()).contains("would change (run with --write to apply)");
        for (Path file : files(dir)) {
            assertThat(dir.resolve(file))
                    .hasSameBinaryContentAs(GOLDEN.resolve("input").resolve(file));
        }
    }

    @Test
    void aSecondWriteChangesNothingAndScanFindsNothingLeft() throws IOException {
        Trees.copy(GOLDEN.resolve("input"), dir);
        Cli.run("fix", "--write", dir.toString());

        Cli again = Cli.run("fix", "--write", dir.toString());

        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("0 files rewritten; 0 findings need a person");
        assertThat(Cli.run("scan", dir.toString()).exit()).isZero();
    }

    @Test
    void onTheFixtureTreeScanAfterwardsReportsExactlyWhatWasNotFixable() throws IOException {
        Trees.copy(Trees.FIXTURE_TREE, dir);
        Cli dryRun = Cli.run("fix", "--format", "json", dir.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notFixable =
                (List<Map<String, Object>>) ScanCommandTest.json(dryRun.out()).get("findings");

        Cli write = Cli.run("fix", "--write", dir.toString());
        Cli scan = Cli.run("scan", "--format", "json", dir.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> left =
                (List<Map<String, Object>>) ScanCommandTest.json(scan.out()).get("findings");

        assertThat(write.exit()).isEqualTo(1);
        assertThat(notFixable)
                .isNotEmpty()
                .allSatisfy(f -> assertThat((String) f.get("message"))
                        .contains("Not fixable automatically: ")
                        .contains("Manual step: "));
        assertThat(left.stream().map(f -> f.get("path") + ":" + f.get("ruleId")).toList())
                .containsExactlyInAnyOrderElementsOf(notFixable.stream()
                        .map(f -> f.get("path") + ":" + f.get("ruleId"))
                        .toList());
        assertThat(notFixable.stream().map(f -> (String) f.get("path")))
                .contains(".env", "api/openapi.yaml", "captures/offboarding.har", "tools/devicectl/main.go")
                .doesNotContain("jobs/offboard_async.py", "services/device-admin/src/revoke.ts");
    }

    @Test
    void archivesAreNotFixable() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("lib/client.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("config.properties"));
            zip.write("url=/accounts/{a}/devices/revoke\n".getBytes(StandardCharsets.UTF_8));
        }

        Cli cli = Cli.run("fix", "--format", "github", "--write", dir.toString());

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out())
                .contains("file=lib/client.jar!/config.properties")
                .contains("it is compiled code")
                .contains("upgrade the dependency");
    }

    @Test
    void keepsPermissions() throws IOException {
        Path script = dir.resolve("revoke.sh");
        Files.writeString(script, "curl -X POST \"$API/accounts/$A/devices/revoke\" -d '[\"x\"]'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

        Cli.run("fix", "--write", dir.toString());

        assertThat(Files.readString(script))
                .isEqualTo("curl -X POST \"$API/accounts/$A/devices/registrations/revoke?id=x\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-x---");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("revoke.sh");
        }
    }

    private static final String PYTHON_CALL = "client.zero_trust.devices.revoke.create(account_id=a, body=ids)\n";
    private static final String PYTHON_FIXED = "client.zero_trust.devices.registrations.revoke(account_id=a, id=ids)\n";

    @Test
    void underFollowAFileInALinkedDirectoryOutsideTheTreeIsNotWritten() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo/src"));
        Path outside = Files.createDirectories(dir.resolve("outside/dir"));
        Files.writeString(outside.resolve("revoke.py"), PYTHON_CALL);
        Files.createSymbolicLink(repo.resolve("vendor"), Path.of("../../outside/dir"));
        Files.writeString(repo.resolve("own.py"), PYTHON_CALL);

        Cli cli = Cli.run("fix", "--write", "--follow", dir.resolve("repo").toString());

        assertThat(outside.resolve("revoke.py")).hasContent(PYTHON_CALL);
        assertThat(repo.resolve("vendor")).isSymbolicLink();
        assertThat(repo.resolve("own.py")).hasContent(PYTHON_FIXED);
        assertThat(cli.err())
                .contains("1 file rewritten; 1 findings need a person")
                .contains("regshift: src/vendor/revoke.py: its real path "
                        + outside.toRealPath().resolve("revoke.py") + " is outside ");
        assertThat(cli.exit()).isEqualTo(1);
    }

    @Test
    void aLinkNamedOnTheCommandLineIsNotReplaced() throws IOException {
        Path target = Files.createDirectories(dir.resolve("outside")).resolve("real.py");
        Files.writeString(target, PYTHON_CALL);
        Path link = Files.createSymbolicLink(dir.resolve("link.py"), target);

        Cli cli = Cli.run("fix", "--write", link.toString());

        assertThat(link).isSymbolicLink();
        assertThat(target).hasContent(PYTHON_CALL);
        assertThat(cli.err()).contains("regshift: link.py: it is a symbolic link, which fix never replaces");
        assertThat(cli.exit()).isEqualTo(1);
    }

    @Test
    void underFollowALinkedFileInTheTreeIsNotReplacedNorItsTargetOutsideWritten() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path target = Files.createDirectories(dir.resolve("outside")).resolve("real.py");
        Files.writeString(target, PYTHON_CALL);
        Files.createSymbolicLink(repo.resolve("a.py"), Path.of("../outside/real.py"));

        Cli cli = Cli.run("fix", "--write", "--follow", repo.toString());

        assertThat(repo.resolve("a.py")).isSymbolicLink();
        assertThat(target).hasContent(PYTHON_CALL);
        assertThat(cli.err())
                .contains("0 files rewritten; 1 findings need a person")
                .contains("regshift: a.py: it is a symbolic link");
        assertThat(cli.exit()).isEqualTo(1);
    }

    @Test
    void underFollowALinkToAFileInTheTreeStaysALinkWhileItsTargetIsFixed() throws IOException {
        Files.writeString(dir.resolve("real.py"), PYTHON_CALL);
        Files.createSymbolicLink(dir.resolve("alias.py"), Path.of("real.py"));

        Cli cli = Cli.run("fix", "--write", "--follow", dir.toString());

        assertThat(dir.resolve("alias.py")).isSymbolicLink();
        assertThat(dir.resolve("real.py")).hasContent(PYTHON_FIXED);
        assertThat(cli.err()).contains("regshift: alias.py: it is a symbolic link");
    }

    private ScanResult scan(Path root) throws IOException {
        return new Scanner(
                        Catalog.standard(),
                        new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1))
                .scan(List.of(root), null);
    }

    @Test
    void aFileUnreadableWhenPlannedLeavesItsFindingsForAPerson() throws IOException {
        Path file = dir.resolve("a.py");
        Files.writeString(file, PYTHON_CALL);
        ScanResult scan = scan(dir);
        Files.delete(file);
        Files.createDirectory(file);

        FixRun run = FixRun.plan(scan, List.of(dir), 1 << 20);

        assertThat(run.notFixable())
                .singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("fix did not read or write its file: unreadable ("));
        assertThat(run.errors())
                .extracting(e -> e.path() + ": " + e.message())
                .singleElement()
                .asString()
                .startsWith("a.py: unreadable (");
    }

    @Test
    void aFileDeletedBeforeItIsPlannedLeavesItsFindingsForAPerson() throws IOException {
        Path file = dir.resolve("a.py");
        Files.writeString(file, PYTHON_CALL);
        ScanResult scan = scan(dir);
        Files.delete(file);

        FixRun run = FixRun.plan(scan, List.of(dir), 1 << 20);

        assertThat(run.notFixable())
                .singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("deleted since it was scanned"));
    }

    @Test
    void aFileLargerThanMaxFileSizeIsNotReadToBeRewrittenAndNeedsAPerson() throws IOException {
        Path file = dir.resolve("big.py");
        String content = PYTHON_CALL + "# padding\n".repeat(300);
        Files.writeString(file, content);

        Cli cli = Cli.run("fix", "--write", "--max-file-size", "1K", dir.toString());

        assertThat(file).hasContent(content);
        assertThat(cli.err())
                .contains("0 files rewritten; 1 findings need a person")
                .contains("regshift: big.py: it is larger than the size limit (1024 bytes); not fixed");
        assertThat(cli.exit()).isEqualTo(1);
    }

    /** Runs a bash script in {@code dir}: Java can't name a file with bytes that are not UTF-8. */
    private String bash(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", script, "bash"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsPlannedDiffedAndWritten() throws Exception {
        bash("mkdir $'d\\xfe' && printf '%s' \"$1\" > $'d\\xfe/\\xff.py'", PYTHON_CALL);

        Cli dryRun = Cli.run("fix", dir.toString());
        Cli write = Cli.run("fix", "--write", dir.toString());

        assertThat(dryRun.out())
                .contains("--- a/d\uFFFD/\uFFFD.py\n+++ b/d\uFFFD/\uFFFD.py\n")
                .contains("\n+" + PYTHON_FIXED);
        assertThat(write.err())
                .as(write.err())
                .contains("1 file rewritten; 0 findings need a person")
                .doesNotContain("problems");
        assertThat(write.exit()).isZero();
        assertThat(bash("cat $'d\\xfe/\\xff.py'")).isEqualTo(PYTHON_FIXED);
        assertThat(bash("find . -type f | wc -l").trim()).isEqualTo("1");
    }

    @Test
    void twoFilesWhoseNamesReadTheSameAreLeftForAPersonSayingWhy() throws Exception {
        bash("printf '%s' \"$1\" > $'\\xff.py' && printf '%s' \"$1\" > $'\\xfe.py'", PYTHON_CALL);

        Cli cli = Cli.run("fix", "--write", dir.toString());

        assertThat(cli.err())
                .contains("0 files rewritten; 2 findings need a person")
                .contains("regshift: \uFFFD.py: 2 files in its directory have names that read as this one");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(bash("cat $'\\xff.py' $'\\xfe.py'")).isEqualTo(PYTHON_CALL + PYTHON_CALL);
    }

    @Test
    void aFileChangedOrDeletedAfterPlanningIsReportedAndNotWritten() throws IOException {
        Path changed = dir.resolve("a.py");
        Path deleted = dir.resolve("b.py");
        String call = "client.zero_trust.devices.revoke.create(account_id=a, body=ids)\n";
        Files.writeString(changed, call);
        Files.writeString(deleted, call);
        List<Path> roots = List.of(dir);
        ScanResult scan = new Scanner(
                        Catalog.standard(),
                        new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1))
                .scan(roots, null);
        FixRun run = FixRun.plan(scan, roots, 1 << 20);

        Files.writeString(changed, "# edited meanwhile\n" + call);
        Files.delete(deleted);
        int written = run.write();

        assertThat(written).isZero();
        assertThat(Files.readString(changed)).isEqualTo("# edited meanwhile\n" + call);
        assertThat(run.errors())
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "a.py: it changed since it was read; not written (run fix again)",
                        "b.py: it was deleted since it was read; not written");
    }

    @Test
    void aReadOnlyFileIsReportedNotCrashedOn() throws IOException {
        Path file = dir.resolve("ro.ts");
        Files.writeString(file, "x.zeroTrust.devices.revoke.create({ account_id: a, body: b })\n");
        file.toFile().setWritable(false, false);
        Assumptions.assumeFalse(
                Files.isWritable(file), "running as root: permissions do not stop writes, so no file is read-only");

        Cli cli = Cli.run("fix", "--write", dir.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("ro.ts: it is read-only; not written");
    }
}
