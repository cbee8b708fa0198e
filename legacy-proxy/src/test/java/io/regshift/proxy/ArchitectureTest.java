package io.regshift.proxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.regshift.adapter.LegacyCallHandler;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses proxy = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.regshift.proxy");

    @Test
    void theProxyDependsOnTheAdapterAndCoreNeverOnTheCliOrTheScanner() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.regshift.cli..", "io.regshift.scan..", "io.regshift.testkit..")
                .check(proxy);
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.regshift.proxy..",
                        "io.regshift.adapter..",
                        "io.regshift.core..",
                        "org.eclipse.jetty..",
                        "okhttp3..",
                        "com.squareup.moshi..",
                        "org.slf4j..",
                        "picocli..",
                        "java..")
                .check(proxy);
    }

    @Test
    void onlyTheCommandKnowsPicocliSoTheLibraryRunsWithoutIt() {
        noClasses()
                .that()
                .haveNameNotMatching(".*\\.ProxyCommand(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..")
                .because("picocli is an optional dependency: embedders of LegacyProxy may not have it")
                .check(proxy);
    }

    @Test
    void deprecatedCallsAreServedByTheAdaptersFlow() {
        classes()
                .that()
                .haveSimpleName("DeprecatedCalls")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(LegacyCallHandler.class.getName())
                .check(proxy);
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveSimpleName("LegacyRoutingInterceptor")
                .because("the proxy shares the translation, not the OkHttp interceptor")
                .check(proxy);
    }

    @Test
    void passThroughIsJettysReverseProxy() {
        classes()
                .that()
                .haveSimpleName("PassThrough")
                .should()
                .beAssignableTo(ProxyHandler.Reverse.class)
                .check(proxy);
        noClasses()
                .that()
                .haveNameNotMatching(".*\\.DeprecatedCalls(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .haveNameMatching("okhttp3\\.(Call|OkHttpClient|Request|Response|Headers)(\\$.*)?")
                .because("only the replacement calls are sent with OkHttp; everything else goes through Jetty's proxy")
                .check(proxy);
    }
}
