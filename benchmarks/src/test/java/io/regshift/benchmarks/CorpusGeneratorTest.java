package io.regshift.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.HotPath;
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

class CorpusGeneratorTest {
    private static final HotPath READER = new HotPath(Catalog.standard());

    private static List<Finding> scan(String path, String text) throws IOException {
        return READER.findings(text.getBytes(StandardCharsets.UTF_8), path);
    }

    @Test
    void everyTrueUseTemplateIsExactlyOneFinding() throws IOException {
        for (Kind kind : Kind.values()) {
            for (int template = 0; template < SourceText.templates(kind, true); template++) {
                for (long seed = 0; seed < 8; seed++) {
                    String text = SourceText.sample(kind, true, template, seed);
                    assertThat(scan("sample." + kind.extension, text))
                            .as("%s true use %d, seed %d:%n%s", kind, template, seed, text)
                            .hasSize(1);
                }
            }
        }
    }

    @Test
    void noNearMissTemplateIsAFinding() throws IOException {
        for (Kind kind : Kind.values()) {
            for (int template = 0; template < SourceText.templates(kind, false); template++) {
                for (long seed = 0; seed < 8; seed++) {
                    String text = SourceText.sample(kind, false, template, seed);
                    assertThat(text)
                            .as("a near miss carries the prefilter's needle")
                            .contains("evoke");
                    assertThat(scan("sample." + kind.extension, text))
                            .as("%s near miss %d, seed %d:%n%s", kind, template, seed, text)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void fillerNeverContainsThePrefilterNeedle() {
        Corpus corpus = Corpus.plan(7, 2 << 20, 0, 0);
        for (CorpusFile f : corpus.files()) {
            assertThat(new String(SourceText.render(f), StandardCharsets.UTF_8))
                    .as(f.path())
                    .doesNotContain("evoke");
        }
    }

    @Test
    void theSameSeedAndSizeWriteAByteIdenticalTree(@TempDir Path dir) throws Exception {
        Corpus corpus = Corpus.plan(42, 3 << 20);
        CorpusGenerator.write(corpus, dir.resolve("a"), 1);
        CorpusGenerator.write(Corpus.plan(42, 3 << 20), dir.resolve("b"), 3);

        List<Path> a = files(dir.resolve("a"));
        List<Path> b = files(dir.resolve("b"));
        assertThat(a).hasSize(corpus.files().size()).isEqualTo(b);
        for (Path relative : a) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(relative)))
                    .as(relative.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(relative)));
        }
    }

    @Test
    void anotherSeedPlansAnotherTree() {
        assertThat(Corpus.plan(1, 1 << 20).files())
                .isNotEqualTo(Corpus.plan(2, 1 << 20).files());
    }

    @Test
    void aLargerSizeExtendsTheSmallerPlan() {
        List<CorpusFile> small = Corpus.plan(42, 2 << 20).files();
        List<CorpusFile> large = Corpus.plan(42, 8 << 20).files();
        assertThat(large.subList(0, small.size())).isEqualTo(small);
    }

    @Test
    void filesAddUpToAtLeastTheSizeAndStayWithinTheirBounds() {
        Corpus corpus = Corpus.plan(42, 8 << 20);
        long total = 0;
        for (CorpusFile f : corpus.files()) {
            int length = SourceText.render(f).length;
            assertThat(length).as(f.path()).isBetween(Corpus.MIN_FILE, Corpus.MAX_FILE + (8 << 10));
            total += length;
        }
        assertThat(total).isGreaterThanOrEqualTo(8 << 20);
    }

    @Test
    void theScannerReportsExactlyThePlantedUses(@TempDir Path dir) throws Exception {
        Corpus corpus = Corpus.plan(11, 4 << 20, 0.2, 0.3);
        CorpusGenerator.Written written = CorpusGenerator.write(corpus, dir.resolve("tree"), 2);
        Scanner scanner = new Scanner(
                Catalog.standard(),
                new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 50L << 20, 2));

        ScanResult result = scanner.scan(List.of(dir.resolve("tree")), null);

        assertThat(corpus.truths()).isGreaterThan(20);
        assertThat(corpus.nearMisses()).isGreaterThan(20);
        assertThat(result.errors()).isEmpty();
        assertThat(result.filesScanned()).isEqualTo(written.files());
        assertThat(result.bytesScanned()).isEqualTo(written.bytes());
        assertThat(result.findings()).hasSize((int) corpus.truths());
    }

    @Test
    void refusesADirectoryThatIsNotEmpty(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> CorpusGenerator.write(Corpus.plan(1, 4096), dir, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("not empty");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void manifestListsTheFiguresInAFixedOrder(@TempDir Path dir) throws IOException {
        Corpus corpus = Corpus.plan(42, 1 << 20);
        CorpusGenerator.writeManifest(dir.resolve("m.properties"), corpus, new CorpusGenerator.Written(3, 1234));

        assertThat(Files.readAllLines(dir.resolve("m.properties")))
                .containsExactly(
                        "generator=" + CorpusGenerator.GENERATOR_VERSION,
                        "seed=42",
                        "size=1048576",
                        "truthRate=" + Corpus.TRUTH_RATE,
                        "nearMissRate=" + Corpus.NEAR_MISS_RATE,
                        "files=3",
                        "bytes=1234",
                        "planted=" + corpus.truths(),
                        "plantedFiles=" + corpus.truthFiles(),
                        "nearMisses=" + corpus.nearMisses(),
                        "nearMissFiles=" + corpus.nearMissFiles());
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertThat(CorpusGenerator.parseSize("1G")).isEqualTo(1L << 30);
        assertThat(CorpusGenerator.parseSize("512m")).isEqualTo(512L << 20);
        assertThat(CorpusGenerator.parseSize("64KB")).isEqualTo(64L << 10);
        assertThat(CorpusGenerator.parseSize("1000")).isEqualTo(1000);
        assertThatThrownBy(() -> CorpusGenerator.parseSize("lots")).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> CorpusGenerator.parseSize("0")).hasMessageContaining("positive");
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(out::add);
        }
        return out;
    }
}
