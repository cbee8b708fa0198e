package io.regshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes real code writes the deprecated paths in, ours and other applications' (see the
 * tree's README): exactly the expected uses are reported, none missing and none extra.
 */
class RealShapesTest {
    private static final Path TREE = Path.of("src/test/resources/fixtures/real-shapes");

    private static ScanResult scan(boolean includeUncertain) throws IOException {
        Scanner scanner = new Scanner(
                Catalog.standard(),
                new Scanner.Options(
                        new Walker.Options(true, List.of(), List.of("README.md", "get-family/**"), false),
                        50L << 20,
                        2,
                        includeUncertain));
        return scanner.scan(List.of(TREE), null);
    }

    @Test
    void reportsExactlyTheUsesWithEvidence() throws IOException {
        ScanResult result = scan(false);

        assertThat(FixtureTreeTest.rows(result))
                .containsExactlyInAnyOrderElementsOf(FixtureTreeTest.expected("real-shapes.expected.tsv"));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void includeUncertainAddsTheBarePathsAsNotes() throws IOException {
        ScanResult result = scan(true);

        List<String> all = new ArrayList<>(FixtureTreeTest.expected("real-shapes.expected.tsv"));
        all.addAll(FixtureTreeTest.expected("real-shapes.uncertain.tsv"));
        assertThat(FixtureTreeTest.rows(result)).containsExactlyInAnyOrderElementsOf(all);
        List<String> notes = result.findings().stream()
                .filter(f -> f.severity() == Severity.NOTE)
                .map(f -> f.path() + "\t" + f.line() + "\t" + f.ruleId())
                .toList();
        assertThat(notes).containsExactlyInAnyOrderElementsOf(FixtureTreeTest.expected("real-shapes.uncertain.tsv"));
    }

    @Test
    void everyReportedUseSaysWhyAndOnlyNotesSayNothing() throws IOException {
        for (Finding finding : scan(true).findings()) {
            assertThat(finding.evidence().isEmpty())
                    .as("%s:%d has evidence %s", finding.path(), finding.line(), finding.evidence())
                    .isEqualTo(finding.severity() == Severity.NOTE);
        }
    }
}
