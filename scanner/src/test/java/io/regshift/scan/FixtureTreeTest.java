package io.regshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture tree holds a true use per form and a near miss per never-flagged case. */
public class FixtureTreeTest {
    public static final Path TREE = Path.of("src/test/resources/fixtures/tree");

    static ScanResult scan(Path root, boolean honourIgnore) throws IOException {
        Scanner scanner = new Scanner(
                Catalog.standard(),
                new Scanner.Options(new Walker.Options(honourIgnore, List.of(), List.of(), false), 50L << 20, 2));
        return scanner.scan(List.of(root), null);
    }

    static List<String> expected(String tsv) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/fixtures", tsv), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
    }

    static List<String> rows(ScanResult result) {
        return result.findings().stream()
                .map(f -> f.path() + "\t" + f.line() + "\t" + f.ruleId())
                .toList();
    }

    @Test
    void findsExactlyTheExpectedUsesAndNothingElse() throws IOException {
        ScanResult result = scan(TREE, true);

        assertThat(rows(result)).containsExactlyInAnyOrderElementsOf(expected("tree.expected.tsv"));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void sampleAppShippedInDocsHasItsDocumentedFindings() throws IOException {
        ScanResult result = scan(Path.of("../docs/examples/legacy-app"), true);

        assertThat(rows(result))
                .containsExactlyInAnyOrderElementsOf(
                        Files.readAllLines(Path.of("../docs/examples/legacy-app.expected.tsv")).stream()
                                .filter(l -> !l.isBlank())
                                .toList());
    }

    @Test
    void suppressionCommentsDropExactlyTheSuppressedUses(@TempDir Path copy) throws IOException {
        ScanResult suppressed = scan(TREE, true);
        copyTree(TREE, copy);
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                Files.writeString(
                        file, text.replace("regshift:ignore", "regshift-was-ignored"), StandardCharsets.ISO_8859_1);
            }
        }

        ScanResult unsuppressed = scan(copy, true);

        List<String> all = new ArrayList<>(expected("tree.expected.tsv"));
        all.addAll(expected("tree.suppressed.tsv"));
        assertThat(suppressed.suppressed())
                .isEqualTo(expected("tree.suppressed.tsv").size());
        assertThat(unsuppressed.suppressed()).isZero();
        assertThat(rows(unsuppressed)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void gitignoredFilesAreScannedOnlyWithNoIgnore() throws IOException {
        assertThat(rows(scan(TREE, true))).noneMatch(r -> r.startsWith("ignored/"));
        assertThat(rows(scan(TREE, false))).anyMatch(r -> r.startsWith("ignored/secret-usage.ts\t"));
    }

    @Test
    void findingsCarryTheEndpointReplacementAndASnippet() throws IOException {
        Finding go = scan(TREE, true).findings().stream()
                .filter(f -> f.ruleId().equals("revoke-sdk-go"))
                .findFirst()
                .orElseThrow();

        assertThat(go.rule().endpoint()).isEqualTo("POST /accounts/{account_id}/devices/revoke");
        assertThat(go.message()).contains("ZeroTrust.Devices.Registrations.Revoke");
        assertThat(go.snippet()).contains("Devices.Revoke.New(");
        assertThat(go.snippet().substring(go.highlightStart(), go.highlightEnd()))
                .startsWith("ZeroTrust")
                .endsWith("New(");
        assertThat(go.fingerprint()).hasSize(32);
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
