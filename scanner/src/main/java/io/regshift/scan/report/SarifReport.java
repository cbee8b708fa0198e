package io.regshift.scan.report;

import io.regshift.core.Version;
import io.regshift.scan.Finding;
import io.regshift.scan.Rule;
import io.regshift.scan.RuleSet;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule in {@code tool.driver.rules} with its
 * descriptions, markdown help and reference link; each result with a relative location and a
 * {@code partialFingerprints} entry, so an alert survives edits elsewhere in its file.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "regshiftFingerprint/v1";

    private SarifReport() {}

    static String render(ScanResult result, RuleSet rules) {
        List<Rule> all = rules.all();
        List<Map<String, Object>> ruleDescriptors = new ArrayList<>();
        for (Rule rule : all) {
            ruleDescriptors.add(descriptor(rule));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : result.findings()) {
            results.add(result(f, all.indexOf(f.rule())));
        }
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (ScanError e : result.errors()) {
            notifications.add(map(
                    "level", "warning",
                    "message", map("text", e.path() + ": " + e.message()),
                    "locations", List.of(map("physicalLocation", map("artifactLocation", map("uri", uri(e.path())))))));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "regshift");
        driver.put("version", Version.get());
        driver.put("rules", ruleDescriptors);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", map("driver", driver));
        run.put("invocations", List.of(map("executionSuccessful", true, "toolExecutionNotifications", notifications)));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> descriptor(Rule rule) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", rule.id());
        d.put("name", name(rule.id()));
        d.put("shortDescription", map("text", rule.title()));
        d.put("fullDescription", map("text", plain(rule.description())));
        d.put("help", map("text", plain(rule.helpMarkdown()), "markdown", rule.helpMarkdown()));
        d.put("helpUri", rule.deprecation().documentation().toString());
        d.put("defaultConfiguration", map("level", Severity.ERROR.label()));
        d.put(
                "properties",
                map(
                        "tags",
                        List.of(
                                "cloudflare",
                                "deprecated-api",
                                rule.kind().name().toLowerCase(java.util.Locale.ROOT))));
        return d;
    }

    private static Map<String, Object> result(Finding f, int ruleIndex) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", f.line());
        region.put("startColumn", f.column());
        if (f.endColumn() > f.column()) {
            region.put("endColumn", f.endColumn());
        }
        region.put("snippet", map("text", f.snippet()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIndex);
        r.put("level", f.severity().label());
        r.put("message", map("text", f.message()));
        r.put(
                "locations",
                List.of(map("physicalLocation", map("artifactLocation", map("uri", uri(f.path())), "region", region))));
        r.put("partialFingerprints", map(FINGERPRINT_KEY, f.fingerprint()));
        r.put("properties", map("evidence", JsonReport.labels(f)));
        return r;
    }

    /**
     * A relative URI reference for a path: spaces and non-ASCII percent-encoded, and {@code ./} in
     * front when the first segment holds a colon, which would otherwise read as a scheme (RFC 3986,
     * section 4.2), as in a dependency named {@code com.acme:client:1.0 (client-1.0.jar)!/...}.
     */
    static String uri(String path) {
        int slash = path.indexOf('/');
        String relative = (slash < 0 ? path : path.substring(0, slash)).indexOf(':') >= 0 ? "./" + path : path;
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path can't be a URI: " + path, e);
        }
    }

    /** {@code revoke-sdk-python} becomes {@code RevokeSdkPython}, SARIF's readable rule name. */
    private static String name(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
