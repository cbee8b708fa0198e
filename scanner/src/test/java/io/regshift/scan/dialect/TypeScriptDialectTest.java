package io.regshift.scan.dialect;

import static io.regshift.scan.dialect.Calls.chainIn;
import static io.regshift.scan.dialect.Calls.revoke;
import static io.regshift.scan.dialect.Calls.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.SdkCall;
import org.junit.jupiter.api.Test;

class TypeScriptDialectTest {
    private final SdkDialect dialect = Dialect.of(SdkCall.Language.TYPESCRIPT);
    private final SdkCall call = revoke(SdkCall.Language.TYPESCRIPT);

    @Test
    void typeScriptAndJavaScriptFilesAreThisDialect() {
        assertThat(Dialect.of("src/a.ts")).isSameAs(dialect);
        assertThat(Dialect.of("src/App.TSX")).isSameAs(dialect);
        assertThat(Dialect.of("lib/index.mjs")).isSameAs(dialect);
        assertThat(Dialect.of("lib/index.cjs")).isSameAs(dialect);
        assertThat(dialect.language()).contains(SdkCall.Language.TYPESCRIPT);
        assertThat(dialect.documentation()).isFalse();
    }

    @Test
    void theChainMatchesSplitOverLinesWithOptionalChaining() {
        String text = "await cf\n  .devices?.revoke\n  .create({ account_id, body: ids });";

        assertThat(chainIn(dialect, call, text)).isEqualTo("devices?.revoke\n  .create(");
    }

    @Test
    void theChainMatchesWithItsNamespace() {
        assertThat(chainIn(dialect, call, "client.zeroTrust.devices.revoke.create({})"))
                .isEqualTo("zeroTrust.devices.revoke.create(");
    }

    @Test
    void theBodyPropertyIsRenamed() {
        assertThat(rewritten(dialect, call, "({ account_id: acc, body: ids })"))
                .isEqualTo("({ account_id: acc, id: ids })");
    }

    @Test
    void aShorthandBodyPropertyKeepsItsValue() {
        assertThat(rewritten(dialect, call, "({ account_id, body })")).isEqualTo("({ account_id, id: body })");
    }

    @Test
    void aQuotedBodyKeyIsRenamedInsideItsQuotes() {
        assertThat(rewritten(dialect, call, "({ 'body': ids })")).isEqualTo("({ 'id': ids })");
    }

    @Test
    void anArgumentThatIsNotAnObjectLiteralIsNotRewritten() {
        assertThat(rewritten(dialect, call, "(params)")).isNull();
    }

    @Test
    void anApostropheInACommentInsideTheArgumentsDoesNotHideTheClosingParenthesis() {
        String text = "({ // don't send the old field\n  body: ids })";

        assertThat(rewritten(dialect, call, text)).isEqualTo("({ // don't send the old field\n  id: ids })");
    }

    @Test
    void aTemplateLiteralSpansLinesAndHidesItsBrackets() {
        String text = "(`a)\n]`, x) + 1";

        assertThat(dialect.syntax().close(text, 0, text.length())).isEqualTo(text.indexOf(" + 1"));
    }
}
