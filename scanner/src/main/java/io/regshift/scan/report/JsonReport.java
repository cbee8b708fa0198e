package io.regshift.scan.report;

import io.regshift.scan.Evidence;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * regshift's JSON output, schema version 1. Keys and their meaning are a public contract,
 * documented in docs/scan-output.md: add keys if needed, never rename or remove them.
 */
final class JsonReport {
    static final int SCHEMA_VERSION = 1;

    private JsonReport() {}

    static String render(ScanResult result) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", f.ruleId());
            m.put("severity", f.severity().label());
            m.put("path", f.path());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("endpoint", f.rule().endpoint());
            m.put("replacement", f.rule().deprecation().replacement().toString());
            m.put("message", f.message());
            m.put("snippet", f.snippet());
            m.put("fingerprint", f.fingerprint());
            m.put("evidence", labels(f));
            findings.add(m);
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ScanError e : result.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("message", e.message());
            errors.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("filesScanned", result.filesScanned());
        summary.put("bytesScanned", result.bytesScanned());
        summary.put("findings", result.findings().size());
        summary.put("suppressed", result.suppressed());
        summary.put("baselined", result.baselined());
        summary.put("errors", errors);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("findings", findings);
        root.put("summary", summary);
        return Json.write(root) + "\n";
    }

    /** Why the finding is a claim: {@code account-segment}, {@code cloudflare-host}, ...; empty for a note. */
    static List<String> labels(Finding f) {
        return f.evidence().stream().map(Evidence::label).toList();
    }
}
