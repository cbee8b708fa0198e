package io.regshift.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regshift completion bash|zsh}: a script bash accepts, that completes the commands and their options. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theBashScriptIsValidBash() throws Exception {
        Cli cli = Cli.run("completion", "bash");
        Path script = dir.resolve("regshift.bash");
        Files.writeString(script, cli.out(), UTF_8);

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(bash("bash", "-n", script.toString())).isEmpty();
    }

    @Test
    void theBashScriptCompletesCommandsAndOptions() throws Exception {
        Path script = dir.resolve("regshift.bash");
        Files.writeString(script, Cli.run("completion", "bash").out(), UTF_8);

        // compopt complains outside a real completion (stderr); the candidates are what counts.
        String commands = bash(
                "bash",
                "-c",
                "source " + script + "; COMP_WORDS=(regshift ''); COMP_CWORD=1;"
                        + " _complete_regshift 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        String colours = bash(
                "bash",
                "-c",
                "source " + script + "; COMP_WORDS=(regshift scan --color ''); COMP_CWORD=3;"
                        + " _complete_regshift 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(commands.lines()).contains("scan", "fix", "rules", "revoke", "unrevoke", "proxy", "completion");
        assertThat(colours.lines()).containsExactlyInAnyOrder("auto", "always", "never");
    }

    @Test
    void theZshScriptLoadsBashCompletionInZsh() {
        Cli cli = Cli.run("completion", "zsh");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("bashcompinit").contains("complete -F _complete_regshift");
    }

    @Test
    void anotherShellIsAUsageErrorNamingTheChoices() {
        Cli cli = Cli.run("completion", "fish");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown shell 'fish'; use bash or zsh");
    }

    private String bash(String... command) throws Exception {
        Path output = dir.resolve("bash.out");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(output, UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
