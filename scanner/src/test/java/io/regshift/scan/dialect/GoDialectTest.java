package io.regshift.scan.dialect;

import static io.regshift.scan.dialect.Calls.chainIn;
import static io.regshift.scan.dialect.Calls.revoke;
import static io.regshift.scan.dialect.Calls.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.SdkCall;
import org.junit.jupiter.api.Test;

class GoDialectTest {
    private static final String IMPORT = "import \"github.com/cloudflare/cloudflare-go/v4\"\n";

    private final SdkDialect dialect = Dialect.of(SdkCall.Language.GO);
    private final SdkCall call = revoke(SdkCall.Language.GO);

    @Test
    void goFilesAreThisDialect() {
        assertThat(Dialect.of("cmd/offboard/main.go")).isSameAs(dialect);
        assertThat(dialect.language()).contains(SdkCall.Language.GO);
    }

    @Test
    void theChainMatchesSplitOverLines() {
        String text = "client.ZeroTrust.Devices.\n\t\tRevoke.\n\t\tNew(ctx, p)";

        assertThat(chainIn(dialect, call, text)).isEqualTo("ZeroTrust.Devices.\n\t\tRevoke.\n\t\tNew(");
    }

    @Test
    void theParamsTypeAndTheBodyFieldAreRenamedAndTheIdsWrapped() {
        String text = "(ctx, zero_trust.DeviceRevokeNewParams{AccountID: cloudflare.F(acc), Body: ids})\n" + IMPORT;

        assertThat(rewritten(dialect, call, text))
                .isEqualTo(
                        "(ctx, zero_trust.DeviceRegistrationRevokeParams{AccountID: cloudflare.F(acc), ID: cloudflare.F(ids)})\n"
                                + IMPORT);
    }

    @Test
    void theIdsAreWrappedInThePackageNameTheFileImportsCloudflareUnder() {
        String text =
                "(ctx, zero_trust.DeviceRevokeNewParams{Body: ids})\nimport cf \"github.com/cloudflare/cloudflare-go/v4\"\n";

        assertThat(rewritten(dialect, call, text))
                .startsWith("(ctx, zero_trust.DeviceRegistrationRevokeParams{ID: cf.F(ids)})");
    }

    @Test
    void aFileThatDoesNotImportCloudflareGoIsNotRewritten() {
        assertThat(rewritten(dialect, call, "(ctx, zero_trust.DeviceRevokeNewParams{Body: ids})"))
                .isNull();
    }

    @Test
    void aRawStringEndingInABackslashClosesAtItsBackQuote() {
        String text = "(ctx, `C:\\`, x) + 1";

        assertThat(dialect.syntax().close(text, 0, text.length())).isEqualTo(text.indexOf(" + 1"));
    }
}
