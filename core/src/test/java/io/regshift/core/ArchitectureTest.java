package io.regshift.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift.core");

    @Test
    void coreKnowsNoOtherModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.regshift.testkit..",
                        "io.regshift.adapter..",
                        "io.regshift.proxy..",
                        "io.regshift.cli..",
                        "io.regshift.scan..")
                .because("dependencies point toward core")
                .check(core);
    }

    @Test
    void coreKnowsNoServerCliOrFileWalker() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        "picocli..",
                        "org.eclipse.jgit..",
                        "com.github.tomakehurst..",
                        "org.slf4j..")
                .because("core goes into other people's applications and stays small")
                .check(core);
    }
}
