package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regshift proxy}: serves until SIGTERM; start-up failures are one line and exit code 2. */
class ProxyCommandTest {
    static Process regshift(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "proxy"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    @Test
    void servesUntilSigtermThenExits(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process process = regshift(stderr, "--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:9/client/v4");
        String line;
        HttpResponse<String> health;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            line = out.readLine();
            Matcher serving = Pattern.compile(
                            "regshift proxy: serving (http://127\\.0\\.0\\.1:\\d+)/client/v4 -> http://127\\.0\\.0\\.1:9/client/v4 .*")
                    .matcher(String.valueOf(line));
            assertThat(serving.matches()).as("first line: %s", line).isTrue();

            health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(serving.group(1) + "/__regshift/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"serving\"");
            String access = out.readLine();
            assertThat(access).matches("\\S+ 127\\.0\\.0\\.1 GET /__regshift/health 200 \\d+B \\S+ms route=operations");
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr);
        assertThat(process.exitValue()).as(err).isEqualTo(143);
        assertThat(err).doesNotContain("error");
    }

    @Test
    void aPortInUseIsOneLineAndExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("proxy", "--listen", "127.0.0.1:" + taken.getLocalPort());

            assertThat(cli.exit()).isEqualTo(2);
            assertThat(cli.err().lines())
                    .singleElement()
                    .asString()
                    .startsWith("regshift: error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": the address is already in use")
                    .endsWith("; choose another with --listen HOST:PORT");
        }
    }

    @Test
    void aBadUpstreamUrlIsOneLineAndExitCode2() {
        Cli cli = Cli.run("proxy", "--upstream", "ftp://api.cloudflare.com/client/v4");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .isEqualTo(
                        "regshift: error: upstream URL \"ftp://api.cloudflare.com/client/v4\" is not an http or https URL;"
                                + " expected something like https://api.cloudflare.com/client/v4");
    }

    @Test
    void aBadListenAddressIsOneLineAndExitCode2() {
        Cli cli = Cli.run("proxy", "--listen", "8787");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .startsWith("regshift: error: listen address \"8787\" is not HOST:PORT");
    }

    @Test
    void helpShowsTheDefaults() {
        Cli cli = Cli.run("proxy", "--help");

        assertThat(cli.exit()).isZero();
        assertThat(cli.out())
                .contains(
                        "--listen=HOST:PORT",
                        "127.0.0.1:8787",
                        "--upstream=URL",
                        "https://api.cloudflare.com/client/v4",
                        "--allow-host=NAME",
                        "--shutdown-timeout=DURATION",
                        "--max-deprecated-calls=N",
                        "--body-timeout=DURATION");
    }

    @Test
    void aDeprecatedCallCapacityBelowOneIsOneLineAndExitCode2() {
        Cli cli = Cli.run("proxy", "--max-deprecated-calls", "0");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().lines()).singleElement().asString().contains("at least 1", "was 0");
    }

    @Test
    void aHeaderLimitTooSmallIsNamedByItsFlag() {
        Cli cli = Cli.run("proxy", "--max-header-size", "500");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("regshift: error: --max-header-size must be at least 1024, was 500");
    }

    @Test
    void aZeroTimeoutIsNamedByItsFlagAndAsTyped() {
        Cli cli = Cli.run("proxy", "--connect-timeout", "0ms");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("regshift: error: --connect-timeout must be positive, was 0ms");
    }

    @Test
    void aBadDurationIsAUsageError() {
        Cli cli = Cli.run("proxy", "--upstream-timeout", "soon");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("\"soon\" is not a duration");
    }
}
