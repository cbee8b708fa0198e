package io.regshift.scan.dialect;

import static io.regshift.scan.dialect.Calls.chainIn;
import static io.regshift.scan.dialect.Calls.revoke;
import static io.regshift.scan.dialect.Calls.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.SdkCall;
import org.junit.jupiter.api.Test;

class JavaDialectTest {
    private final SdkDialect dialect = Dialect.of(SdkCall.Language.JAVA);
    private final SdkCall call = revoke(SdkCall.Language.JAVA);

    @Test
    void jvmLanguagesAreJavaForTheSdk() {
        for (String path : new String[] {"A.java", "A.kt", "build.gradle.kts", "A.groovy", "A.scala"}) {
            assertThat(Dialect.of(path).language()).as(path).contains(SdkCall.Language.JAVA);
        }
    }

    @Test
    void importsAreAddedInJavaWithASemicolonAndInKotlinWithout() {
        assertThat(Dialect.of("A.java").importStatement("retrofit2.http.Query"))
                .contains("import retrofit2.http.Query;");
        assertThat(Dialect.of("A.kt").importStatement("retrofit2.http.Query")).contains("import retrofit2.http.Query");
        assertThat(Dialect.of("A.groovy").importStatement("retrofit2.http.Query"))
                .isEmpty();
    }

    @Test
    void theChainMatchesSplitOverLinesWithItsCalls() {
        String text = "client.zeroTrust()\n    .devices()\n    .revoke ( )\n    .create(params)";

        assertThat(chainIn(dialect, call, text))
                .isEqualTo("zeroTrust()\n    .devices()\n    .revoke ( )\n    .create(");
    }

    @Test
    void theSdkCallIsNotRewrittenSinceItsParamsBuilderChanges() {
        assertThat(rewritten(dialect, call, "(params)")).isNull();
        assertThat(dialect.notRewrittenBecause(call)).contains("params builder");
    }

    @Test
    void aTextBlockHidesItsBracketsAndQuotes() {
        String text = "(\"\"\"\n  )\"\n  \"\"\", x) + 1";

        assertThat(dialect.syntax().close(text, 0, text.length())).isEqualTo(text.indexOf(" + 1"));
    }
}
