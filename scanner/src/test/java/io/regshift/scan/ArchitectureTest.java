package io.regshift.scan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
                .resideInAnyPackage("..scan.read..", "..scan.detect..", "..scan.report..", "..scan.engine..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..scan.detect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..scan.walk..", "..scan.read..", "..scan.report..", "..scan.engine..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..scan.read..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..scan.walk..", "..scan.report..", "..scan.engine..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..scan.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..scan.walk..", "..scan.read..", "..scan.detect..", "..scan.engine..")
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
                        "io.regshift.scan",
                        "..scan.walk..",
                        "..scan.read..",
                        "..scan.detect..",
                        "..scan.report..",
                        "..scan.engine..",
                        "io.regshift.fix..")
                .check(classes);
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
