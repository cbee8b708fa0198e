package io.regshift.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses testkit = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift.testkit");

    @Test
    void theFakeIsIndependentOfTheCodeItTests() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.regshift.core..",
                        "io.regshift.adapter..",
                        "io.regshift.proxy..",
                        "io.regshift.cli..",
                        "io.regshift.scan..")
                .because("FakeCloudflare is an oracle written from Cloudflare's documentation")
                .check(testkit);
    }
}
