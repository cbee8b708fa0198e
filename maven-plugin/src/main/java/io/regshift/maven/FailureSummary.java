package io.regshift.maven;

import io.regshift.scan.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The message a failed {@code regshift:scan} ends the build with: how many uses, where, and the
 * ways to fix or suppress them that apply to where they are (a dependency can't take a comment).
 */
final class FailureSummary {
    private FailureSummary() {}

    static String of(List<Finding> findings, List<ProjectScan.Dependency> dependencies) {
        Set<String> upgrades = new LinkedHashSet<>();
        int inDependencies = 0;
        for (Finding f : findings) {
            for (ProjectScan.Dependency d : dependencies) {
                if (d.contains(f.path())) {
                    upgrades.add(d.coordinates());
                    inDependencies++;
                    break;
                }
            }
        }
        int inFiles = findings.size() - inDependencies;

        StringBuilder s = new StringBuilder();
        s.append("regshift found ")
                .append(count(findings.size(), "use", "uses"))
                .append(" of deprecated Cloudflare endpoints (");
        if (inFiles > 0) {
            s.append(inFiles).append(" in the project's files");
        }
        if (inDependencies > 0) {
            s.append(inFiles > 0 ? ", " : "")
                    .append(inDependencies)
                    .append(" in ")
                    .append(count(upgrades.size(), "dependency", "dependencies"));
        }
        s.append("), listed above.\n");

        s.append("To fix:\n");
        for (String coordinates : upgrades) {
            s.append("  - upgrade ")
                    .append(coordinates)
                    .append(" to a version that calls the replacement endpoint (each message says which);")
                    .append(" until then, route its calls through the regshift legacy adapter or proxy\n");
        }
        if (inFiles > 0) {
            s.append("  - run `regshift fix` on the project: it shows the rewrites of SDK calls, Retrofit")
                    .append(
                            " interfaces and curl commands (`--write` applies them); change the rest as each message says\n");
        }

        s.append("To suppress:\n");
        if (inFiles > 0) {
            s.append("  - one use in a file: a `regshift:ignore` comment on its line or the line above\n");
        }
        s.append("  - the uses there are today: record them once with -Dregshift.writeBaseline=regshift-baseline.json,")
                .append(" then set <baseline>regshift-baseline.json</baseline>; only new uses fail the build\n");
        s.append(
                "  - report without failing: <failOnFindings>false</failOnFindings> or -Dregshift.failOnFindings=false");
        return s.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
