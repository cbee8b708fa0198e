package io.regshift.scan.report;

import java.util.Locale;

/** The output formats of {@code regshift scan}. */
public enum Format {
    /** For people at a terminal. */
    TEXT,
    /** regshift's own schema, version 1: a public contract (docs/scan-output.md). */
    JSON,
    /** SARIF 2.1.0, as GitHub code scanning takes it. */
    SARIF,
    /** GitHub Actions workflow commands: one annotation per finding. */
    GITHUB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this label, e.g. {@code sarif}. */
    public static java.util.Optional<Format> of(String label) {
        return java.util.Arrays.stream(values())
                .filter(f -> f.label().equals(label))
                .findFirst();
    }

    /** One report of the findings in this format; text is coloured if {@code colour}. */
    public String render(
            io.regshift.scan.ScanResult result, io.regshift.scan.RuleSet rules, boolean colour, boolean quiet) {
        return switch (this) {
            case TEXT -> TextReport.render(result, colour, quiet);
            case JSON -> JsonReport.render(result);
            case SARIF -> SarifReport.render(result, rules);
            case GITHUB -> GithubReport.render(result);
        };
    }
}
