package io.regshift.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a front end: it parses, prints and exits, over the scanner, the proxy and core's
 * client. Serving, walking and reading archives stay in their modules.
 */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift.cli");

    @Test
    void theCliServesWalksAndUnpacksNothingItself() {
        noClasses()
                .that()
                .resideInAPackage("io.regshift.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        "org.eclipse.jgit..",
                        "org.apache.commons.compress..")
                .check(classes);
    }

    @Test
    void theCliReachesTheProxyOnlyThroughItsCommandAndLibrary() {
        noClasses()
                .that()
                .resideInAPackage("io.regshift.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.regshift.adapter..")
                .check(classes);
    }
}
