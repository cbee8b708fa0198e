package io.regshift.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SarifUriTest {
    @Test
    void pathsStayRelativeReferences() {
        assertThat(SarifReport.uri("src/main/java/App.java")).isEqualTo("src/main/java/App.java");
        assertThat(SarifReport.uri("a b/é.ts")).isEqualTo("a%20b/%C3%A9.ts");
        assertThat(SarifReport.uri("docs/a:b.md")).isEqualTo("docs/a:b.md");
    }

    @Test
    void aColonInTheFirstSegmentIsNotReadAsAScheme() {
        assertThat(SarifReport.uri("com.acme:client:1.0 (client-1.0.jar)!/C.class"))
                .isEqualTo("./com.acme:client:1.0%20(client-1.0.jar)!/C.class");
    }
}
