package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names and lines with newline, CR, ESC, BEL and C1 characters reach no printer raw: a
 * terminal would obey them, and a newline then {@code ::error} is a GitHub Actions command.
 */
class HostileNamesOutputTest {
    private static final String NAME = "a\n::error file=x::injected\u001b]0;title\u0007\r\u009b31m.properties";
    private static final String SHOWN = "a\\n::error file=x::injected\\x1b]0;title\\x07\\r\\x9b31m.properties";
    private static final String LINE = "url=/accounts/a/devices/revoke \u001b[2J\u0007\r::warning::x\n";
    private static final String PYTHON_NAME = "b\n::error file=y::z\u001b[31m.py";
    private static final String PYTHON_CALL =
            "client.zero_trust.devices.revoke.create(account_id=a, body=ids)  # \u001b]0;t\u0007\n";

    @TempDir
    Path dir;

    @BeforeEach
    void hostileTree() throws IOException {
        Files.writeString(dir.resolve(NAME), LINE, StandardCharsets.UTF_8);
    }

    /** No control character but the newlines and tabs of the output's own layout. */
    private static void assertNoControlCharacters(String output) {
        assertThat(output.chars()
                        .filter(c -> c != '\n' && c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f))
                        .toArray())
                .as(output)
                .isEmpty();
    }

    /** No line the GitHub Actions runner would take as a workflow command, but those a printer meant. */
    private static void assertNoInjectedCommand(String output) {
        assertThat(Arrays.stream(output.split("\n"))
                        .filter(l -> l.stripLeading().startsWith("::")))
                .as(output)
                .isEmpty();
    }

    @Test
    void textEscapesThePathAndTheSnippet() {
        Cli cli = Cli.run("scan", "--format", "text", dir.toString());

        assertNoControlCharacters(cli.out());
        assertNoInjectedCommand(cli.out());
        assertThat(cli.out()).contains(SHOWN + ":1:").contains("| url=/accounts/a/devices/revoke ");
    }

    @Test
    void textEscapesTheColonsThatWouldStartAWorkflowCommand() throws IOException {
        Files.delete(dir.resolve(NAME));
        Files.writeString(dir.resolve("::error file=x::hi"), LINE, StandardCharsets.UTF_8);

        Cli cli = Cli.run("scan", "--format", "text", dir.toString());

        assertNoInjectedCommand(cli.out());
        assertThat(cli.out()).contains("\\x3a:error file=x::hi:1:");
    }

    @Test
    void githubHasOneAnnotationPerFindingWithNoControlCharacters() {
        Cli cli = Cli.run("scan", "--format", "github", dir.toString());

        assertNoControlCharacters(cli.out());
        assertThat(cli.out().split("\n"))
                .singleElement()
                .asString()
                .startsWith(
                        "::error file=a\\n%3A%3Aerror file=x%3A%3Ainjected\\x1b]0;title\\x07\\r\\x9b31m.properties,line=1,");
    }

    @Test
    void jsonAndSarifKeepThePathExactButPrintNoControlCharacters() throws IOException {
        Cli json = Cli.run("scan", "--format", "json", dir.toString());
        Cli sarif = Cli.run("scan", "--format", "sarif", dir.toString());

        assertNoControlCharacters(json.out());
        assertNoControlCharacters(sarif.out());
        assertThat(json.out())
                .contains("\"path\": \"a\\n::error file=x::injected\\u001b]0;title\\u0007\\r\\u009b31m.properties\"");
        assertThat(ScanCommandTest.json(json.out()).toString()).contains(NAME);
        assertThat(sarif.out()).contains("a%0A::error%20file=x::injected%1B%5D0;title%07%0D%C2%9B31m.properties");
    }

    @Test
    void theBaselinePrintsNoControlCharacters() throws IOException {
        Path baseline = Files.createTempFile("baseline", ".json");
        try {
            Cli.run("scan", "--write-baseline", baseline.toString(), dir.toString());

            assertNoControlCharacters(Files.readString(baseline));
            assertThat(Cli.run("scan", "--baseline", baseline.toString(), dir.toString())
                            .exit())
                    .isZero();
        } finally {
            Files.delete(baseline);
        }
    }

    @Test
    void fixEscapesItsDiffAndItsReport() throws IOException {
        Files.writeString(dir.resolve(PYTHON_NAME), PYTHON_CALL, StandardCharsets.UTF_8);

        Cli cli = Cli.run("fix", dir.toString());

        assertNoControlCharacters(cli.out());
        assertNoControlCharacters(cli.err());
        assertNoInjectedCommand(cli.out());
        assertThat(cli.out())
                .contains("--- a/b\\n::error file=y::z\\x1b[31m.py\t\n+++ b/b\\n::error file=y::z\\x1b[31m.py\t\n")
                .contains("-client.zero_trust.devices.revoke.create(account_id=a, body=ids)  # \\x1b]0;t\\x07\n")
                .contains(SHOWN + ":1:");
    }

    @Test
    void fixEscapesThePathsOfTheFilesItSkips() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        try {
            Files.writeString(outside.resolve("real.py"), PYTHON_CALL, StandardCharsets.UTF_8);
            Files.createSymbolicLink(dir.resolve(PYTHON_NAME), outside.resolve("real.py"));

            Cli cli = Cli.run("fix", "--follow", "--write", dir.toString());

            assertNoControlCharacters(cli.err());
            assertThat(cli.err()).contains("regshift: b\\n::error file=y::z\\x1b[31m.py: it is a symbolic link");
        } finally {
            Files.delete(outside.resolve("real.py"));
            Files.delete(dir.resolve(PYTHON_NAME));
            Files.delete(outside);
        }
    }
}
