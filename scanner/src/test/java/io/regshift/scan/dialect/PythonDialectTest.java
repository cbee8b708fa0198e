package io.regshift.scan.dialect;

import static io.regshift.scan.dialect.Calls.chainIn;
import static io.regshift.scan.dialect.Calls.revoke;
import static io.regshift.scan.dialect.Calls.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.SdkCall;
import org.junit.jupiter.api.Test;

class PythonDialectTest {
    private final SdkDialect dialect = Dialect.of(SdkCall.Language.PYTHON);
    private final SdkCall call = revoke(SdkCall.Language.PYTHON);

    @Test
    void pythonFilesAndStubsAreThisDialect() {
        assertThat(Dialect.of("app/client.py")).isSameAs(dialect);
        assertThat(Dialect.of("typings/client.pyi")).isSameAs(dialect);
        assertThat(dialect.language()).contains(SdkCall.Language.PYTHON);
    }

    @Test
    void theChainMatchesSplitOverLinesWithARawResponse() {
        String text = "(cf.zero_trust.devices.revoke\n    .with_raw_response\n    .create(account_id=a, body=ids))";

        assertThat(chainIn(dialect, call, text))
                .isEqualTo("zero_trust.devices.revoke\n    .with_raw_response\n    .create(");
    }

    @Test
    void theBodyKeywordArgumentIsRenamed() {
        assertThat(rewritten(dialect, call, "(account_id=a, body=ids)")).isEqualTo("(account_id=a, id=ids)");
    }

    @Test
    void aComparisonIsNotAKeywordArgument() {
        assertThat(rewritten(dialect, call, "(account_id=a, **kw, x=body == ids)"))
                .isNull();
    }

    @Test
    void aTripleQuotedStringHidesItsBracketsAndQuotes() {
        String text = "(\"\"\"it's )\n]\"\"\", x) + 1";

        assertThat(dialect.syntax().close(text, 0, text.length())).isEqualTo(text.indexOf(" + 1"));
    }

    @Test
    void aHashCommentHidesItsBrackets() {
        String text = "(a,  # )\n b) + 1";

        assertThat(dialect.syntax().close(text, 0, text.length())).isEqualTo(text.indexOf(" + 1"));
    }
}
