package io.regshift.fix;

import io.regshift.core.SdkCall;
import io.regshift.scan.Finding;
import io.regshift.scan.Rule;
import io.regshift.scan.Source;
import io.regshift.scan.dialect.Dialect;
import io.regshift.scan.dialect.Edit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides, finding by finding, what can be rewritten mechanically, and rewrites one file's text.
 * The file is handled as Latin-1 text, one character per byte, so everything outside the edits
 * stays byte for byte as it was, whatever its encoding.
 */
final class Fixer {
    private Fixer() {}

    /** The plan for one file: its new bytes and what became of each finding. */
    record FilePlan(Source source, byte[] original, byte[] rewritten, List<Outcome> outcomes) {
        String path() {
            return source.text();
        }

        boolean changes() {
            return !java.util.Arrays.equals(original, rewritten);
        }

        List<Finding> fixed() {
            return outcomes.stream()
                    .filter(Outcome::isFixed)
                    .map(Outcome::finding)
                    .toList();
        }

        List<Outcome> notFixable() {
            return outcomes.stream().filter(o -> !o.isFixed()).toList();
        }
    }

    /** Plans the rewrite of one file's findings (all from this file, none inside an archive). */
    static FilePlan plan(Source source, byte[] bytes, List<Finding> findings) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Outcome> outcomes = new ArrayList<>();
        for (Finding finding : findings) {
            outcomes.add(outcome(text, source, finding));
        }
        List<Edit> edits = new ArrayList<>();
        List<Outcome> kept = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            // Two findings may need the same edit (one import for two methods): it is made once.
            List<Edit> fresh =
                    outcome.edits().stream().filter(e -> !edits.contains(e)).toList();
            boolean overlaps = fresh.stream().anyMatch(e -> edits.stream().anyMatch(o -> overlap(e, o)));
            if (overlaps) {
                kept.add(Outcome.notFixable(
                        outcome.finding(), "it overlaps another rewrite in the same place", "rewrite it by hand"));
            } else {
                edits.addAll(fresh);
                kept.add(outcome);
            }
        }
        edits.sort(
                Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit e : edits) {
            out.replace(e.start(), e.end(), e.text());
        }
        return new FilePlan(source, bytes, out.toString().getBytes(StandardCharsets.ISO_8859_1), kept);
    }

    /** A plan that changes nothing and leaves every finding for a person, for the reason given. */
    static FilePlan unplanned(Source source, List<Finding> findings, String reason, String manualStep) {
        List<Outcome> outcomes = findings.stream()
                .map(f -> Outcome.notFixable(f, reason, manualStep))
                .toList();
        return new FilePlan(source, new byte[0], new byte[0], outcomes);
    }

    private static boolean overlap(Edit a, Edit b) {
        if (a.start() == a.end() || b.start() == b.end()) {
            return a.start() > b.start() && a.start() < b.end() || b.start() > a.start() && b.start() < a.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    private static Outcome outcome(String text, Source source, Finding finding) {
        Rule rule = finding.rule();
        if (source.inArchive() || rule.kind() == Rule.Kind.ARTIFACT) {
            return Outcome.notFixable(
                    finding,
                    "it is compiled code",
                    "upgrade the dependency that contains it, or route its calls with the regshift legacy adapter or proxy until then");
        }
        if (finding.span().end() > text.length()) {
            return Outcome.notFixable(
                    finding, "it lies beyond the part of the file that was read", "rewrite it by hand");
        }
        if (rule.kind() == Rule.Kind.OLDER_SDK_CALL) {
            return Outcome.notFixable(
                    finding,
                    "it calls an older library whose calls have no counterpart of the replacement",
                    "move this call to the current official SDK: " + rule.replacement());
        }
        if (rule.kind() == Rule.Kind.SDK_CALL) {
            SdkCall call = rule.deprecation().sdkCalls().stream()
                    .filter(c -> c.language() == rule.language())
                    .findFirst()
                    .orElseThrow();
            return SdkCallRewriter.rewrite(text, finding, call);
        }
        Optional<String> importQuery = Dialect.of(source.path()).importStatement("retrofit2.http.Query");
        if (importQuery.isPresent() && RetrofitRewriter.applies(text, finding)) {
            return RetrofitRewriter.rewrite(text, finding, rule.deprecation(), importQuery.get());
        }
        if (CurlRewriter.applies(text, finding)) {
            return CurlRewriter.rewrite(text, finding, rule.deprecation());
        }
        return Outcome.notFixable(
                finding,
                "the path is in configuration, documentation or a string whose request the fixer can't see",
                "change the path to " + rule.deprecation().replacement().pathTemplate()
                        + " and send the IDs as repeated `"
                        + rule.deprecation().mapping().queryParameter() + "` query parameters, with no body");
    }
}
