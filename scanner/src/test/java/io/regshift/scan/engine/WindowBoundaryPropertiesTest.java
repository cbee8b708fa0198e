package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.RuleSet;
import io.regshift.scan.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Reading through small windows must find exactly what reading the whole file at once finds, at
 * the same lines and columns, with the same suppressions, wherever the uses fall relative to the
 * window boundaries.
 *
 * <p>Lines stay shorter than the overlap here: a {@code regshift:ignore} comment is only seen on a
 * line that starts within the overlap (64 KiB in production) before the use, a documented limit.
 */
class WindowBoundaryPropertiesTest {
    private static final Detector DETECTOR = new Detector(Catalog.standard(), RuleSet.fromCatalog(Catalog.standard()));

    private static final List<String> PIECES = List.of(
            "x",
            "\n",
            "\r\n",
            "  ",
            "é",
            "日本",
            "\uD83D\uDE00",
            "revoke",
            "devices/",
            "/devices/revoke\"",
            "\"/accounts/%s/devices/unrevoke\"",
            "client.zeroTrust.devices.revoke.create({ body })",
            "zero_trust\n    .devices\n    .unrevoke\n    .create(\n",
            "physical-devices/d/revoke",
            "/devices/registrations/revoke",
            "# regshift:ignore\n",
            "\"devices\",\n \"revoke\"\n]",
            "ZeroTrust.Devices.Revoke.New(ctx, zero_trust.DeviceRevokeNewParams{})");

    @Test
    void smallWindowsFindWhatOneBigWindowFinds() {
        String everyPiece = String.join("\n", PIECES);
        String longest = String.join("", PIECES.subList(PIECES.size() - 8, PIECES.size()));
        for (String content : List.of(
                "", "\n", everyPiece, String.join("", PIECES), String.join("\n", Collections.nCopies(120, longest)))) {
            findsWhatOneBigWindowFinds(content);
        }
        // each example scans up to 120 lines twice: a bounded shrink keeps a failing run short
        qt().withExamples(200).withShrinkCycles(2000).forAll(contents()).checkAssert(this::findsWhatOneBigWindowFinds);
    }

    private void findsWhatOneBigWindowFinds(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

        List<String> whole = scan(new SourceReader(DETECTOR, 1 << 20, 1024), bytes);
        List<String> windowed = scan(new SourceReader(DETECTOR, 4096, 1024), bytes);

        assertThat(windowed).as(content).isEqualTo(whole);
    }

    private static List<String> scan(SourceReader reader, byte[] bytes) {
        FileScan scan;
        try {
            scan = reader.scan(new ByteArrayInputStream(bytes), Source.of("f.ts"), Long.MAX_VALUE, Mode.SOURCE, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new java.util.ArrayList<>(
                scan.findings().stream().map(WindowBoundaryPropertiesTest::key).toList());
        out.add("suppressed=" + scan.suppressed());
        return out;
    }

    private static String key(Finding f) {
        return f.ruleId() + "@" + f.line() + ":" + f.column() + "-" + f.endColumn() + " " + f.snippet();
    }

    private static Gen<String> contents() {
        Gen<String> line = lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
        return lists().of(line).ofSizeBetween(0, 120).map(lines -> String.join("\n", lines));
    }
}
