package io.regshift.adapter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses adapter = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift.adapter");

    @Test
    void theAdapterDependsOnCoreOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.regshift.testkit..", "io.regshift.proxy..", "io.regshift.cli..", "io.regshift.scan..")
                .check(adapter);
    }

    @Test
    void onlyTheInterceptorSendsAnything() {
        noClasses()
                .that()
                .haveNameNotMatching(".*\\.LegacyRoutingInterceptor(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .haveNameMatching(
                        "okhttp3\\.(Call|Interceptor.*|OkHttpClient.*)|java\\.net\\..*|java\\.nio\\.file\\..*")
                .because(
                        "the flow (LegacyCallHandler) sends through a transport's ReplacementSender, and only the transports send")
                .check(adapter);
    }

    @Test
    void theTranslationIsPure() {
        noClasses()
                .that()
                .haveNameNotMatching(".*\\.(LegacyRoutingInterceptor|LegacyCallHandler|ReplacementSender)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .haveNameMatching("okhttp3\\.(Request|Response).*")
                .because("LegacyTranslation is pure, so the interceptor and the proxy share it")
                .check(adapter);
    }
}
