package io.regshift.scan.report;

import io.regshift.scan.ControlCharacters;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanResult;

/**
 * GitHub Actions workflow commands, one annotation per finding: {@code ::error
 * file=...,line=...,col=...,title=...::message}, escaped as the runner requires.
 */
final class GithubReport {
    private GithubReport() {}

    static String render(ScanResult result) {
        StringBuilder out = new StringBuilder();
        for (Finding f : result.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.append("::")
                    .append(command)
                    .append(" file=")
                    .append(property(ControlCharacters.escape(f.path())))
                    .append(",line=")
                    .append(f.line())
                    .append(",col=")
                    .append(f.column());
            if (f.endColumn() > f.column()) {
                out.append(",endColumn=").append(f.endColumn());
            }
            out.append(",title=")
                    .append(property("regshift " + f.ruleId()))
                    .append("::")
                    .append(data(ControlCharacters.escape(f.message())))
                    .append('\n');
        }
        return out.toString();
    }

    /** Escaping for a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for a command's property values. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
