package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    static final String TREE = Trees.FIXTURE_TREE.toString();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) throws IOException {
        return (Map<String, Object>)
                new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    @Test
    void exitsZeroWhenThereIsNothingToFind() throws IOException {
        write("ok.ts", "client.zeroTrust.devices.registrations.revoke({ account_id, id })\n");

        Cli cli = Cli.run("scan", dir.toString());

        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("no deprecated endpoint uses found");
    }

    @Test
    void exitsOneWithFindingsAndZeroWithExitZero() throws IOException {
        write("bad.sh", "curl -X POST \"$API/accounts/$ACC/devices/revoke\" -d '[\"a\"]'\n");

        assertThat(Cli.run("scan", dir.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("scan", "--exit-zero", dir.toString()).exit()).isZero();
    }

    @Test
    void exitsTwoOnUsageErrorsWithAClearMessage() {
        Cli missing = Cli.run("scan", dir.resolve("nope").toString());
        Cli format = Cli.run("scan", "--format", "xml", dir.toString());
        Cli size = Cli.run("scan", "--max-file-size", "lots", dir.toString());
        Cli jobs = Cli.run("scan", "--jobs", "0", dir.toString());
        Cli unknown = Cli.run("scan", "--frobnicate");

        assertThat(List.of(missing.exit(), format.exit(), size.exit(), jobs.exit(), unknown.exit()))
                .containsOnly(2);
        assertThat(missing.err())
                .contains("no such file or directory")
                .contains("nope")
                .doesNotContain("Exception");
        assertThat(format.err()).contains("unknown --format 'xml'; use text, json, sarif or github");
        assertThat(size.err()).contains("'lots' is not a size");
        assertThat(jobs.err()).contains("--jobs must be at least 1");
        assertThat(unknown.err()).contains("unknown option '--frobnicate'").contains("regshift scan --help");
    }

    @Test
    void textReportsLocationRuleLineAndReplacement() throws IOException {
        write("jobs/x.py", "import cloudflare\n\nclient.zero_trust.devices.unrevoke.create(account_id=a, body=ids)\n");

        Cli cli = Cli.run("scan", dir.toString());

        assertThat(cli.out())
                .contains("jobs/x.py:3:8: error[unrevoke-sdk-python] ")
                .contains("use client.zero_trust.devices.registrations.unrevoke(account_id=account_id, id=ids)")
                .contains("    | client.zero_trust.devices.unrevoke.create(account_id=a, body=ids)")
                .contains("1 finding in 1 file")
                .doesNotContain("\u001b[");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        Cli cli = Cli.run("scan", "--format", "json", TREE);
        Map<String, Object> root = json(cli.out());

        assertThat(root).containsOnlyKeys("schemaVersion", "findings", "summary");
        assertThat(root.get("schemaVersion")).isEqualTo(1.0);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) root.get("findings");
        assertThat(findings).hasSize(41);
        for (Map<String, Object> f : findings) {
            assertThat(f)
                    .containsOnlyKeys(
                            "ruleId",
                            "severity",
                            "path",
                            "line",
                            "column",
                            "endpoint",
                            "replacement",
                            "message",
                            "snippet",
                            "fingerprint",
                            "evidence");
            assertThat((String) f.get("severity")).isIn("error", "warning", "note");
            assertThat((List<String>) f.get("evidence"))
                    .isNotEmpty()
                    .isSubsetOf("account-segment", "cloudflare-host", "sdk-chain", "file-context");
            assertThat((String) f.get("path")).doesNotStartWith("/").doesNotContain("\\");
            assertThat((Double) f.get("line")).isGreaterThanOrEqualTo(1);
            assertThat((Double) f.get("column")).isGreaterThanOrEqualTo(1);
            assertThat((String) f.get("endpoint")).matches("POST /accounts/\\{account_id}/devices/(un)?revoke");
            assertThat((String) f.get("replacement"))
                    .matches("POST /accounts/\\{account_id}/devices/registrations/(un)?revoke");
        }
        Map<String, Object> summary = (Map<String, Object>) root.get("summary");
        assertThat(summary).containsKeys("filesScanned", "bytesScanned", "findings", "suppressed", "errors");
        assertThat(summary.get("findings")).isEqualTo(41.0);
        assertThat(summary.get("suppressed")).isEqualTo(4.0);
        assertThat(findings.stream().filter(f -> f.get("path").equals("docs/runbooks/revoke-lost-device.md")))
                .allSatisfy(f -> assertThat(f.get("severity")).isEqualTo("warning"));
    }

    @Test
    void githubFormatIsOneEscapedAnnotationPerFinding() throws IOException {
        write("a, b:c%.ts", "fetch(`/accounts/${a}/devices/revoke`)\n");

        Cli cli = Cli.run("scan", "--format", "github", dir.toString());

        assertThat(cli.out().lines().toList())
                .containsExactly(
                        "::error file=a%2C b%3Ac%25.ts,line=1,col=23,endColumn=37,title=regshift revoke-path::POST /accounts/{account_id}/devices/revoke is past its end of life (2025-11-11); use POST /accounts/{account_id}/devices/registrations/revoke with the IDs as repeated `id` query parameters");
    }

    @Test
    void outputGoesToAFileWhenAsked() throws IOException {
        write("x.go", "c.ZeroTrust.Devices.Unrevoke.New(ctx, params)\n");
        Path report = dir.resolve("out/report.json");
        Files.createDirectories(report.getParent());

        Cli cli =
                Cli.run("scan", "--format", "json", "--output", report.toString(), "--exclude", "out/", dir.toString());

        assertThat(cli.out()).isEmpty();
        assertThat(json(Files.readString(report)).get("findings")).asList().hasSize(1);
        assertThat(cli.err()).contains("1 finding in 1 file");
    }

    @Test
    void includeAndExcludeUseGitignoreSyntax() throws IOException {
        write("src/a.ts", "x.zeroTrust.devices.revoke.create({})\n");
        write("src/deep/b.ts", "x.zeroTrust.devices.revoke.create({})\n");
        write("docs/c.md", "`POST /accounts/{account_id}/devices/revoke`\n");
        write("vendor/d.ts", "x.zeroTrust.devices.revoke.create({})\n");

        assertThat(paths(Cli.run("scan", "--format", "json", "--include", "src/", dir.toString())))
                .containsExactly("src/a.ts", "src/deep/b.ts");
        assertThat(paths(Cli.run(
                        "scan", "--format", "json", "--exclude", "vendor/", "--exclude", "*.md", dir.toString())))
                .containsExactly("src/a.ts", "src/deep/b.ts");
        assertThat(paths(Cli.run("scan", "--format", "json", "--include", "*.md", dir.toString())))
                .containsExactly("docs/c.md");
    }

    @Test
    void nestedGitignoresAndNegationFollowGitsRules() throws IOException {
        write(".gitignore", "generated/\n*.log\n");
        write("sub/.gitignore", "!keep.log\n");
        write("generated/a.ts", "devices.revoke.create(x)\n");
        write("app.log", "POST /accounts/1/devices/revoke\n");
        write("sub/keep.log", "POST /accounts/1/devices/revoke\n");
        write("sub/drop.log", "POST /accounts/1/devices/revoke\n");

        assertThat(paths(Cli.run("scan", "--format", "json", dir.toString()))).containsExactly("sub/keep.log");
        assertThat(paths(Cli.run("scan", "--format", "json", "--no-ignore", dir.toString())))
                .containsExactly("app.log", "generated/a.ts", "sub/drop.log", "sub/keep.log");
    }

    @Test
    void symlinkLoopsAreReportedNotFollowedForever() throws IOException {
        write("a/x.sh", "curl $API/accounts/$A/devices/unrevoke\n");
        Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));

        Cli followed = Cli.run("scan", "--format", "json", "--follow", dir.toString());
        Cli skipped = Cli.run("scan", "--format", "json", dir.toString());

        assertThat(paths(followed)).containsExactly("a/x.sh");
        assertThat(followed.out()).contains("symbolic link loop");
        assertThat(paths(skipped)).containsExactly("a/x.sh");
    }

    @Test
    void baselineReportsOnlyNewUsesAndSurvivesLineShifts() throws IOException {
        Path code = write("app.ts", "a();\nclient.zeroTrust.devices.revoke.create({ account_id, body })\n");
        Path baseline = dir.resolve("regshift-baseline.json");

        Cli first = Cli.run("scan", "--write-baseline", baseline.toString(), "--exclude", "*.json", dir.toString());
        Files.writeString(
                code,
                "// moved down\n\n" + Files.readString(code)
                        + "client.zeroTrust.devices.unrevoke.create({ account_id, body })\n");
        Cli second = Cli.run(
                "scan", "--format", "json", "--baseline", baseline.toString(), "--exclude", "*.json", dir.toString());

        assertThat(first.exit()).isEqualTo(1);
        assertThat(json(Files.readString(baseline)).get("findings")).asList().hasSize(1);
        assertThat(second.exit()).isEqualTo(1);
        assertThat(paths(second)).containsExactly("app.ts");
        assertThat(second.out()).contains("unrevoke-sdk-typescript").doesNotContain("\"revoke-sdk-typescript\"");
        assertThat(json(second.out()).get("summary"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("baselined", 1.0);

        Files.writeString(code, "// moved down\n\nclient.zeroTrust.devices.revoke.create({ account_id, body })\n");
        assertThat(Cli.run("scan", "--baseline", baseline.toString(), "--exclude", "*.json", dir.toString())
                        .exit())
                .isZero();
    }

    @Test
    void aBaselineThatIsNotOneIsAUsageError() throws IOException {
        Path bogus = write("b.json", "{\"hello\": 1}");

        Cli cli = Cli.run("scan", "--baseline", bogus.toString(), dir.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("is not a regshift baseline");
    }

    @Test
    void unreadableFilesAreReportedAndTheScanGoesOn() throws IOException {
        Path secret = write("secret.sh", "curl $API/accounts/$A/devices/revoke\n");
        write("open.sh", "curl $API/accounts/$A/devices/revoke\n");
        secret.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeFalse(
                Files.isReadable(secret),
                "running as root: file permissions do not stop reads, so nothing is unreadable");

        Cli cli = Cli.run("scan", "--format", "json", dir.toString());

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(paths(cli)).containsExactly("open.sh");
        assertThat(cli.out()).contains("\"path\": \"secret.sh\"").contains("permission denied");
    }

    @Test
    void danglingLinksAreReportedWhenFollowing() throws IOException {
        write("ok.sh", "curl $API/accounts/$A/devices/revoke\n");
        Files.createSymbolicLink(dir.resolve("gone.sh"), dir.resolve("missing.sh"));

        Cli cli = Cli.run("scan", "--format", "json", "--follow", dir.toString());

        assertThat(paths(cli)).containsExactly("ok.sh");
        assertThat(cli.out()).contains("\"path\": \"gone.sh\"");
    }

    @Test
    void aTreeFourteenHundredLevelsDeepIsScannedToTheBottom() throws Exception {
        // Short names keep the path within PATH_MAX (4096 bytes): 1,400 levels of "d/" are 2,800.
        Path bottom = Files.createDirectories(dir.resolve(String.join("/", java.util.Collections.nCopies(1400, "d"))));
        Files.writeString(bottom.resolve("x.sh"), "curl $API/accounts/$A/devices/revoke\n");
        Files.writeString(dir.resolve(".gitignore"), "**/ignored/**\n!keep\n");
        Files.writeString(bottom.getParent().resolve(".gitignore"), "*.log\n");
        try {
            Cli cli = Cli.run("scan", "--format", "json", dir.toString());

            assertThat(cli.err()).doesNotContain("StackOverflowError");
            assertThat(cli.exit()).isEqualTo(1);
            assertThat(paths(cli)).containsExactly("d/".repeat(1400) + "x.sh");
            assertThat(errors(cli)).isEmpty();
        } finally {
            shell("rm -rf d"); // much faster than the deletion of @TempDir on a deep tree
        }
    }

    @Test
    void aTreeDeeperThanPathMaxIsReportedWhereItCannotBeOpened() throws Exception {
        write("top.sh", "curl $API/accounts/$A/devices/revoke\n");
        // Relative steps: no path given to mkdir ever exceeds PATH_MAX, though the tree does.
        // (perl, not a shell loop: bash's cd slows down badly past PATH_MAX).
        try {
            shell(
                    "perl -e 'for (1..3000) { mkdir \"d\" or die $!; chdir \"d\" or die $! } open(F, \">x.sh\") or die $!;"
                            + " print F \"curl \\$API/accounts/\\$A/devices/revoke\\n\"'");
            Cli cli = Cli.run("scan", "--format", "json", dir.toString());

            assertThat(cli.err()).doesNotContain("StackOverflowError");
            assertThat(cli.exit()).isEqualTo(1);
            assertThat(paths(cli)).containsExactly("top.sh");
            assertThat(errors(cli))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e).startsWith("d/d/d/").endsWith("File name too long"));
        } finally {
            shell("rm -rf d"); // rm walks it with relative steps; Java's deletion of @TempDir could not
        }
    }

    @Test
    void aFifoGivenAsAPathIsReportedAndSkipped() throws Exception {
        shell("mkfifo pipe");
        Path ok = write("ok.sh", "echo fine\n");

        Cli cli = Cli.run("scan", "--format", "json", dir.resolve("pipe").toString(), ok.toString());

        assertThat(cli.exit()).isZero();
        assertThat(errors(cli)).containsExactly("pipe: not a regular file (a FIFO, socket or device): not scanned");
    }

    @Test
    void failOnIncompleteExitsTwoWhenAFileWasNotScannedInFull() throws IOException {
        write("big.txt", "nothing to see here, but more than ten bytes of it\n");

        Cli lenient = Cli.run("scan", "--max-file-size", "10", dir.toString());
        Cli strict = Cli.run("scan", "--max-file-size", "10", "--fail-on-incomplete", dir.toString());

        assertThat(lenient.exit()).isZero();
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.out()).contains("note: big.txt: larger than the size limit (10 bytes)");
        assertThat(strict.err())
                .contains(
                        "regshift: error: the scan is incomplete (--fail-on-incomplete): 1 path was not scanned in full, listed above");
    }

    @Test
    void failOnIncompleteListsWhatWasNotScannedWhenTheReportDoesNot() throws IOException {
        write("broken.jar", "not a zip archive");

        Cli cli = Cli.run("scan", "--quiet", "--fail-on-incomplete", dir.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err())
                .contains("1 path was not scanned in full:\n")
                .contains("  broken.jar: not a readable archive");
    }

    @Test
    void anIncompleteScanExitsTwoEvenWithFindingsOrExitZero() throws IOException {
        write("bad.sh", "curl $API/accounts/$A/devices/revoke\n");
        write("broken.jar", "not a zip archive");

        Cli findings = Cli.run("scan", dir.toString());
        Cli incomplete = Cli.run("scan", "--fail-on-incomplete", dir.toString());
        Cli exitZero = Cli.run("scan", "--fail-on-incomplete", "--exit-zero", dir.toString());

        assertThat(List.of(findings.exit(), incomplete.exit(), exitZero.exit())).containsExactly(1, 2, 2);
        assertThat(incomplete.out()).contains("bad.sh:1:");
    }

    @Test
    void aFileNameCannotInjectLinesIntoTheIncompleteMessage() throws IOException {
        write("x\n::error file=a.jar\u001b.jar", "not a zip archive");

        Cli cli = Cli.run("scan", "--format", "github", "--fail-on-incomplete", dir.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err())
                .contains("  x\\n::error file=a.jar\\x1b.jar: not a readable archive")
                .doesNotContain("\n::error");
    }

    private void shell(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void rulesListsEveryRuleFromTheCatalog() {
        Cli cli = Cli.run("rules");

        assertThat(cli.exit()).isZero();
        for (String id : List.of(
                "revoke-path",
                "revoke-sdk-typescript",
                "revoke-sdk-python",
                "revoke-sdk-go",
                "revoke-sdk-java",
                "revoke-artifact",
                "unrevoke-path",
                "unrevoke-sdk-typescript",
                "unrevoke-sdk-python",
                "unrevoke-sdk-go",
                "unrevoke-sdk-java",
                "unrevoke-artifact")) {
            assertThat(cli.out()).contains(id + "\n  detects:");
        }
        assertThat(cli.out())
                .contains("example:     client.ZeroTrust.Devices.Revoke.New(ctx, zero_trust.DeviceRevokeNewParams{");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String[] args :
                List.of(new String[] {"--help"}, new String[] {"scan", "--help"}, new String[] {"rules", "--help"})) {
            Cli cli = Cli.run(args);
            assertThat(cli.exit()).isZero();
            assertThat(cli.out()).startsWith("Usage: regshift");
        }
        assertThat(Cli.run("--version").out()).startsWith("regshift 0.1.0");
        assertThat(Cli.run("scan", "--version").out()).startsWith("regshift 0.1.0");
    }

    /** The errors of a JSON report, as {@code path: message}. */
    @SuppressWarnings("unchecked")
    private static List<String> errors(Cli cli) throws IOException {
        Map<String, Object> summary = (Map<String, Object>) json(cli.out()).get("summary");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) summary.get("errors");
        return errors.stream().map(e -> e.get("path") + ": " + e.get("message")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(Cli cli) throws IOException {
        List<Map<String, Object>> findings =
                (List<Map<String, Object>>) json(cli.out()).get("findings");
        return findings.stream()
                .map(f -> (String) f.get("path"))
                .distinct()
                .sorted()
                .toList();
    }
}
