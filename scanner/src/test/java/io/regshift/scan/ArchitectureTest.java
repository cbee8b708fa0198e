package io.regshift.scan;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.regshift.scan.engine.Scanner;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scanner's pipeline stages stay separate, as ripgrep's crates are. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift");

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.regshift.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theScannerKnowsNothingOfTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("io.regshift.scan..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.regshift.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void theScannerAndTheFixerKnowNoFrontEndNorServer() {
        noClasses()
                .that()
                .resideInAnyPackage("io.regshift.scan..", "io.regshift.fix..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.regshift.cli..", "io.regshift.proxy..", "picocli..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void stagesDependOnlyOnEarlierStagesAndTheModel() {
        noClasses()
                .that()
                .resideInAPackage("..scan.walk..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..scan.engine..", "..scan.report..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..scan.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..scan.walk..", "..scan.engine..")
                .check(classes);
    }

    @Test
    void dialectsKnowOnlyTheModel() {
        noClasses()
                .that()
                .resideInAPackage("..scan.dialect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.regshift.scan", "..scan.walk..", "..scan.report..", "..scan.engine..", "io.regshift.fix..")
                .check(classes);
    }

    @Test
    void theSearcherReportsMatchesAndKnowsNothingOfFindings() {
        noClasses()
                .that(engine("Searcher", "MatchSink", "SinkMatch", "LineCounter"))
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Finding.class, Severity.class, ScanError.class)
                .orShould()
                .dependOnClassesThat(engine("FindingCollector", "FileScan"))
                .check(classes);
    }

    @Test
    void detectionKnowsNeitherTheSearcherNorTheFindings() {
        noClasses()
                .that(engine("Detector", "Prefilter", "Literal", "Match", "Mode", "Latin1Chars", "Swar"))
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Scanner.class, Finding.class)
                .orShould()
                .dependOnClassesThat(engine(
                        "Searcher", "MatchSink", "SinkMatch", "FindingCollector", "SourceReader", "ArtifactReader"))
                .check(classes);
    }

    /**
     * The engine's public API is {@link Scanner}: the searcher, the detector and their parts
     * ({@code Swar}, {@code Latin1Chars}...) change with the implementation, so nothing outside the
     * package may come to depend on them.
     */
    @Test
    void onlyTheScannerIsPublicInTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("io.regshift.scan.engine")
                .and(not(belongToAnyOf(Scanner.class)))
                .should()
                .bePublic()
                .check(classes);
    }

    /** The engine's classes of these simple names, and the classes nested in them. */
    private static DescribedPredicate<JavaClass> engine(String... names) {
        Set<String> qualified =
                Arrays.stream(names).map(n -> "io.regshift.scan.engine." + n).collect(Collectors.toSet());
        return DescribedPredicate.describe(
                "are the engine's " + String.join(", ", names),
                c -> qualified.contains(c.getName().replaceFirst("\\$.*", "")));
    }

    @Test
    void coreKnowsNoneOfTheScanner() {
        noClasses()
                .that()
                .resideInAPackage("io.regshift.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.regshift.scan..", "io.regshift.cli..")
                .check(classes);
    }
}
