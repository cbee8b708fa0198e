package io.regshift.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call found by the scan is rewritten where its language's brackets, strings and comments say it ends. */
class SdkCallRewriterTest {
    @TempDir
    Path dir;

    private FixRun plan(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
        ScanResult scan = new Scanner(
                        Catalog.standard(),
                        new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1))
                .scan(List.of(dir), null);
        return FixRun.plan(scan, List.of(dir), 1 << 20);
    }

    @Test
    void anApostropheInACommentInsideTheArgumentsDoesNotHideTheCallsEnd() throws IOException {
        FixRun run = plan(
                "offboard.ts",
                "await client.zeroTrust.devices.revoke.create({\n  // don't keep them\n  account_id, body: ids,\n});\n");

        assertThat(run.notFixable()).isEmpty();
        assertThat(run.write()).isEqualTo(1);
        assertThat(dir.resolve("offboard.ts"))
                .hasContent("await client.zeroTrust.devices.registrations.revoke({\n  // don't keep them\n"
                        + "  account_id, id: ids,\n});\n");
    }

    @Test
    void aHashCommentWithAQuoteInsidePythonArgumentsDoesNotHideTheCallsEnd() throws IOException {
        FixRun run = plan(
                "offboard.py",
                "client.zero_trust.devices.revoke.create(\n    account_id=a,  # the user's devices\n    body=ids,\n)\n");

        assertThat(run.notFixable()).isEmpty();
        assertThat(run.write()).isEqualTo(1);
        assertThat(dir.resolve("offboard.py"))
                .hasContent("client.zero_trust.devices.registrations.revoke(\n    account_id=a,  # the user's devices\n"
                        + "    id=ids,\n)\n");
    }
}
