package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command's {@code --help} ends with its exit codes, one per line, as picocli lists them. */
class ExitCodesHelpTest {
    private static String exitCodes(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.add("--help");
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).as(String.join(" ", command)).contains("\nExit codes:\n");
        return out.substring(out.indexOf("\nExit codes:\n") + 1);
    }

    @Test
    void everyCommandsHelpListsItsExitCodes() {
        for (String command : List.of("scan", "fix", "rules", "revoke", "unrevoke", "proxy", "completion")) {
            assertThat(exitCodes(command))
                    .as(command)
                    .containsPattern("\n  0 +\\S")
                    .containsPattern("\n  2 +\\S");
        }
        assertThat(exitCodes()).containsPattern("\n  1 +findings");
    }

    @Test
    void scanListsWhenItExitsTwo() {
        assertThat(exitCodes("scan").replaceAll("\\s+", " "))
                .contains("0 no findings")
                .contains("1 findings")
                .contains("2 usage error or a scan that could not run; with --fail-on-incomplete, also when anything"
                        + " was not scanned in full (2 wins over 1)");
    }

    @Test
    void fixListsWhatLeftWorkMeans() {
        assertThat(exitCodes("fix").replaceAll("\\s+", " "))
                .contains("0 nothing left to fix")
                .contains("1 changes proposed or findings left that need a person")
                .contains("2 errors (usage, or a file that could not be written)");
    }

    @Test
    void revokeAndProxyListTheSignalsExitCodes() {
        for (String command : List.of("revoke", "proxy")) {
            assertThat(exitCodes(command).replaceAll("\\s+", " "))
                    .as(command)
                    .contains("143, 130 the JVM's, when stopped by a signal (143 for SIGTERM, 130 for SIGINT)");
        }
    }
}
