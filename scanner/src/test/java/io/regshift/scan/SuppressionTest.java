package io.regshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code regshift:ignore} marker suppresses a finding only inside a comment of the file's language. The
 * examples use the account-scoped path, so that each is a finding unless suppressed.
 */
class SuppressionTest {
    @TempDir
    Path dir;

    private ScanResult scan(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        return FixtureTreeTest.scan(dir, true);
    }

    @Test
    void aMarkerInATypeScriptStringDoesNotSuppress() throws IOException {
        ScanResult result = scan("client.ts", "fetch('/accounts/{account_id}/devices/revoke?x=regshift:ignore');\n");

        assertThat(result.findings()).hasSize(1);
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void aMarkerInATypeScriptLineCommentSuppresses() throws IOException {
        ScanResult result = scan("client.ts", "fetch('/accounts/{account_id}/devices/revoke'); // regshift:ignore\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aMarkerInATypeScriptBlockCommentOnTheLineAboveSuppresses() throws IOException {
        ScanResult result = scan(
                "client.ts",
                "/* regshift:ignore until the rollout */\nfetch('/accounts/{account_id}/devices/revoke');\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aMarkerOnABlockCommentContinuationLineAboveSuppresses() throws IOException {
        ScanResult result = scan(
                "Client.java", "/**\n * regshift:ignore\n */ String p = \"/accounts/{account_id}/devices/revoke\";\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aTypeScriptQuoteAfterCodeIsNotAComment() throws IOException {
        ScanResult result = scan(
                "client.ts", "const u = \"/accounts/{account_id}/devices/revoke\"; const x = 'regshift:ignore';\n");

        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void aMarkerInAPythonHashCommentSuppresses() throws IOException {
        ScanResult result = scan(
                "client.py", "requests.post(f\"{base}/accounts/{account_id}/devices/revoke\")  # regshift:ignore\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aMarkerInAPythonStringDoesNotSuppress() throws IOException {
        ScanResult result = scan(
                "client.py",
                "requests.post(\"/accounts/{account_id}/devices/revoke\", headers={\"x\": \"# regshift:ignore\"})\n");

        assertThat(result.findings()).hasSize(1);
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void floorDivisionIsNotAPythonComment() throws IOException {
        ScanResult result = scan(
                "client.py",
                "n = total // 2; requests.post(\"/accounts/{account_id}/devices/revoke\", json={regshift:ignore})\n");

        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void anApostropheCommentInAVisualBasicFileSuppresses() throws IOException {
        ScanResult result =
                scan("Client.vb", "' regshift:ignore\nDim url = \"/accounts/{account_id}/devices/revoke\"\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aSemicolonCommentInAnIniFileSuppresses() throws IOException {
        ScanResult result = scan("app.ini", "revoke_url = /accounts/{account_id}/devices/revoke ; regshift:ignore\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aHashCommentInYamlSuppresses() throws IOException {
        ScanResult result = scan("ci.yml", "url: https://h/accounts/{account_id}/devices/revoke # regshift:ignore\n");

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }
}
