package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --color}: ANSI codes in help and the text report with {@code always}, none with {@code
 * never}; {@code auto} colours no pipe (as under the tests), unless {@code CLICOLOR_FORCE}, and
 * {@code NO_COLOR} wins over that.
 */
class ColorOptionTest {
    private static final String ESC = "\u001b[";
    private static final String APP = "../docs/examples/legacy-app";

    private static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true), new PrintWriter(err, true), env, InputStream.nullInputStream(), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static Cli run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void alwaysColoursTheSeverityRuleAndPathOfTheTextReport() {
        Cli cli = run("scan", "--color=always", APP);

        assertThat(cli.exit()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out())
                .containsPattern("\u001b\\[1m[^\u001b]+:\\d+:\\d+\u001b\\[0m: ")
                .contains("\u001b[1;31merror\u001b[0m[")
                .containsPattern("\\[\u001b\\[36m[a-z-]+\u001b\\[0m\\]");
    }

    @Test
    void neverPrintsNoAnsiCodes() {
        Cli cli = run(Map.of("CLICOLOR_FORCE", "1"), "scan", "--color=never", APP);

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).isNotEmpty().doesNotContain(ESC);
    }

    @Test
    void autoPrintsNoAnsiCodesOffATerminal() {
        Cli cli = run("scan", APP);

        assertThat(cli.out()).isNotEmpty().doesNotContain(ESC);
    }

    @Test
    void autoColoursOffATerminalWithClicolorForce() {
        Cli cli = run(Map.of("CLICOLOR_FORCE", "1"), "scan", APP);

        assertThat(cli.out()).contains(ESC);
    }

    @Test
    void noColorWinsOverClicolorForce() {
        Cli cli = run(Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1"), "scan", APP);

        assertThat(cli.out()).isNotEmpty().doesNotContain(ESC);
    }

    @Test
    void alwaysColoursHelp() {
        assertThat(run("scan", "--help", "--color=always").out()).contains(ESC);
        assertThat(run("--color=always", "--help").out()).contains(ESC);
    }

    @Test
    void neverLeavesHelpPlain() {
        assertThat(run(Map.of("CLICOLOR_FORCE", "1"), "revoke", "--help", "--color=never")
                        .out())
                .startsWith("Usage: regshift revoke")
                .doesNotContain(ESC);
    }

    @Test
    void everyCommandTakesColor() {
        for (String command : new String[] {"scan", "fix", "rules", "revoke", "unrevoke", "proxy", "completion"}) {
            Cli cli = run(command, "--help", "--color=never");

            assertThat(cli.exit()).as(command + ": " + cli.err()).isZero();
            assertThat(cli.out()).as(command).contains("--color=WHEN");
        }
    }

    @Test
    void anUnknownChoiceIsAUsageErrorNamingTheChoices() {
        Cli cli = run("scan", "--color=sometimes", APP);

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --color 'sometimes'; use auto, always or never");
        assertThat(cli.out()).isEmpty();
    }
}
