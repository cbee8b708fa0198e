package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.scan.Rule;
import io.regshift.scan.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regshift rules}: every rule, generated from the catalog. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Lists every rule: its id, what it detects, an example, and the replacement.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rules were listed", "2:usage error"})
final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "Print the rule reference as Markdown (docs/rules.md).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet rules = RuleSet.fromCatalog(Catalog.standard());
        out.print(markdown ? RuleReference.markdown(rules) : RuleReference.text(rules));
        out.flush();
        return 0;
    }

    /** Renders the rule list; the Markdown form is docs/rules.md. */
    static final class RuleReference {
        /** What makes a path a finding: the same for every path and artifact rule. */
        private static final String EVIDENCE = String.join(
                "\n",
                "## Evidence",
                "",
                "A path rule reports a use only on evidence that it is Cloudflare's API and not another"
                        + " application's route of the same name; each finding names its evidence (JSON `evidence`,"
                        + " SARIF `properties.evidence`):",
                "",
                "| evidence | reported | example |",
                "| --- | --- | --- |",
                "| `account-segment` | `accounts/ACCOUNT/` before the path, `accounts` starting the path or after"
                        + " `/client/v4`, a host or a value | `/accounts/{account_id}/devices/revoke`,"
                        + " `\"/accounts/\" + id + \"/devices/revoke\"`, `'accounts', 'devices/revoke'` |",
                "| `cloudflare-host` | `api.cloudflare.com` or `/client/v4` on the path's line |"
                        + " `\"https://api.cloudflare.com/client/v4\" + \"/devices/revoke\"` |",
                "| `sdk-chain` | a call of an SDK's deprecated method (the SDK rules) |"
                        + " `client.zeroTrust.devices.revoke.create(` |",
                "| `file-context` | a path that starts its string, in a file that talks to Cloudflare's API"
                        + " elsewhere: its host, `CLOUDFLARE_*` variables, a Cloudflare SDK import |"
                        + " `requests.post(BASE + \"/devices/revoke\")` with `BASE` built from `api.cloudflare.com` |",
                "",
                "Never reported, whatever the file: another segment before `devices` (`/api/devices/revoke`,"
                        + " `/users/%s/devices/revoke`, `/merchant-accounts/{id}/devices/revoke`, `/platforms/steam/accounts/"
                        + "{id}/devices/revoke`), a deeper path or a file name (`devices/revoke/fulfilled`,"
                        + " `./devices/revoke.js`), and a route the file's own server defines (`app.post('/devices/revoke',"
                        + " ...)`, `@Post('devices/revoke')`, `@app.post(\"/devices/revoke\")`, `@PostMapping(...)`,"
                        + " `mux.HandleFunc(...)`, an OpenAPI path key). A bare `/devices/revoke` with no evidence either"
                        + " way is uncertain: `regshift scan --include-uncertain` reports it as a note, which does not"
                        + " change the exit code; without the leading slash (`'devices/revoke'`: an action type, a"
                        + " command name) it is not reported at all.",
                "",
                "");

        private RuleReference() {}

        static String text(RuleSet rules) {
            StringBuilder s = new StringBuilder();
            for (Rule rule : rules.all()) {
                s.append(rule.id()).append('\n');
                s.append("  detects:     ")
                        .append(rule.description().replace("`", ""))
                        .append('\n');
                s.append("  example:     ").append(rule.example()).append('\n');
                s.append("  replacement: ")
                        .append(rule.replacement().replace("`", ""))
                        .append('\n');
                s.append("  reference:   ")
                        .append(rule.deprecation().documentation())
                        .append("\n\n");
            }
            return s.toString();
        }

        static String markdown(RuleSet rules) {
            StringBuilder s = new StringBuilder();
            s.append("# Rule reference\n\n");
            s.append(
                    "Generated from the catalog in `core` by `regshift rules --markdown`; a test fails when this file is out of date.\n\n");
            s.append(EVIDENCE);
            s.append("## Rules\n\n");
            s.append("| rule | detects | replacement |\n| --- | --- | --- |\n");
            for (Rule rule : rules.all()) {
                s.append("| [`")
                        .append(rule.id())
                        .append("`](#")
                        .append(rule.id())
                        .append(") | ")
                        .append(rule.title())
                        .append(" | ")
                        .append(rule.replacement().replace("|", "\\|"))
                        .append(" |\n");
            }
            for (Rule rule : rules.all()) {
                s.append("\n## ").append(rule.id()).append("\n\n");
                s.append(rule.description()).append("\n\n");
                s.append("Example:\n\n```\n").append(rule.example()).append("\n```\n\n");
                s.append("Replacement: ").append(rule.replacement()).append("\n\n");
                s.append(rule.helpMarkdown()).append('\n');
            }
            return s.toString();
        }
    }
}
