package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.adapter.testing.CapturedLogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting: clear errors and exit code 2 when it can't, a warning when it is reachable from outside. */
class StartupTest {
    /** What the executable jar's command line printed, and its exit code; only for runs that do not serve. */
    record Launched(int exitCode, String out, String err) {}

    static Launched launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ProxyCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Launched(exitCode, out.toString(), err.toString());
    }

    @Test
    void aPortInUseIsAClearStartError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() ->
                            LegacyProxy.builder().listen("127.0.0.1", port).start())
                    .isInstanceOf(ProxyStartException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": the address is already in use")
                    .satisfies(e -> {
                        assertThat(((ProxyStartException) e).address()).isEqualTo("127.0.0.1:" + port);
                        assertThat(((ProxyStartException) e).reason())
                                .isEqualTo(ProxyStartException.Reason.ADDRESS_UNAVAILABLE);
                    })
                    .message()
                    .doesNotContain("--");

            Launched launched = launch("--listen", "127.0.0.1:" + port);
            assertThat(launched.exitCode()).isEqualTo(2);
            assertThat(launched.err().lines())
                    .singleElement()
                    .asString()
                    .startsWith("regshift-proxy: error: cannot listen on 127.0.0.1:" + port
                            + ": the address is already in use")
                    .endsWith("; choose another with --listen HOST:PORT");
        }
    }

    @Test
    void anUnknownListenHostIsAClearStartError() {
        assertThatThrownBy(() ->
                        LegacyProxy.builder().listen("no-such-host.invalid", 0).start())
                .isInstanceOf(ProxyStartException.class)
                .hasMessage("cannot listen on no-such-host.invalid:0: unknown host no-such-host.invalid")
                .extracting(e -> ((ProxyStartException) e).reason())
                .isEqualTo(ProxyStartException.Reason.UNKNOWN_HOST);
    }

    @Test
    void aSettingOutOfRangeIsNamedAsTheBuilderNamesIt() {
        assertThatThrownBy(() -> LegacyProxy.builder().maxDeprecatedCalls(0))
                .isInstanceOf(ProxySettingException.class)
                .hasMessage("maxDeprecatedCalls must be at least 1, was 0")
                .satisfies(e -> {
                    ProxySettingException refused = (ProxySettingException) e;
                    assertThat(refused.setting()).isEqualTo("maxDeprecatedCalls");
                    assertThat(refused.requirement()).isEqualTo("must be at least 1");
                    assertThat(refused.value()).isEqualTo("0");
                });
        assertThatThrownBy(() -> LegacyProxy.builder().bodyTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(ProxySettingException.class)
                .hasMessage("bodyTimeout must be positive, was PT-1S");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://api.cloudflare.com/client/v4",
                "api.cloudflare.com/client/v4",
                "",
                "https://",
                "https://api.cloudflare.com/client/v4?x=1",
                "https://api.cloudflare.com/client/v4#frag"
            })
    void aBadUpstreamUrlIsAClearErrorWithExitCode2(String upstream) {
        assertThatThrownBy(() -> LegacyProxy.builder().upstream(upstream))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upstream URL");

        Launched launched = launch("--upstream", upstream);
        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines()).singleElement().asString().startsWith("regshift-proxy: error: upstream URL");
    }

    @Test
    void anUpstreamWithUserInfoIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> LegacyProxy.builder().upstream("https://me:s3cr3t-pw@api.cloudflare.com/client/v4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain user info")
                .message()
                .doesNotContain("s3cr3t-pw");
        assertThatThrownBy(() -> LegacyProxy.builder().upstream("ht tp://me:s3cr3t-pw@x"))
                .message()
                .doesNotContain("s3cr3t-pw");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8787",
                "localhost",
                ":8787",
                "127.0.0.1:",
                "127.0.0.1:http",
                "127.0.0.1:65536",
                "::1:8787",
                "[::1]8787"
            })
    void aBadListenAddressIsAClearErrorWithExitCode2(String listen) {
        Launched launched = launch("--listen", listen);

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines()).singleElement().asString().startsWith("regshift-proxy: error: listen ");
    }

    @Test
    void unknownFlagsAndMissingValuesAreUsageErrors() {
        assertThat(launch("--port", "1").exitCode()).isEqualTo(2);
        assertThat(launch("--upstream").err())
                .startsWith("regshift-proxy: Missing required parameter for option '--upstream'");
        assertThat(launch("--upstream-timeout", "soon").err()).contains("is not a duration");
    }

    @Test
    void helpListsTheFlagsAndTheirDefaults() {
        Launched launched = launch("--help");

        assertThat(launched.exitCode()).isZero();
        assertThat(launched.out())
                .contains(
                        "--listen=HOST:PORT",
                        "127.0.0.1:8787",
                        "--upstream=URL",
                        "https://api.cloudflare.com/client/v4");
    }

    @Test
    void listeningOnLoopbackGivesNoWarning() {
        try (LegacyProxy proxy = LegacyProxy.builder().listen("127.0.0.1", 0).start()) {
            assertThat(proxy.warnings()).isEmpty();
            assertThat(proxy.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + proxy.port() + "/client/v4"));
            assertThat(proxy.upstream()).isEqualTo("https://api.cloudflare.com/client/v4");
        }
    }

    @Test
    void listeningBeyondLoopbackWarns() {
        try (LegacyProxy proxy = LegacyProxy.builder().listen("0.0.0.0", 0).start()) {
            assertThat(proxy.warnings())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "listening on 0.0.0.0:0, beyond loopback: anyone who can reach this address can send requests");
        }
        assertThat(CapturedLogs.lines())
                .anyMatch(line ->
                        line.startsWith("WARN io.regshift.proxy.LegacyProxy listening on 0.0.0.0:0, beyond loopback"));
    }

    @Test
    void theProxyServesTheUpstreamsPathPrefix() {
        try (LegacyProxy proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream("http://gateway.internal:8080/cf/api/")
                .start()) {
            assertThat(proxy.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + proxy.port() + "/cf/api"));
        }
    }

    /** The executable jar's main class, run as a real process: serves, then stops on SIGTERM. */
    @Test
    void theMainClassServesUntilSigterm() throws Exception {
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProxyCommand.class.getName(),
                        "--listen",
                        "127.0.0.1:0",
                        "--upstream",
                        "http://127.0.0.1:9/client/v4"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher serving = Pattern.compile(
                            "regshift proxy: serving (http://127\\.0\\.0\\.1:\\d+)/client/v4 -> http://127\\.0\\.0\\.1:9/client/v4 .*")
                    .matcher(String.valueOf(line));
            assertThat(serving.matches()).as(line).isTrue();

            assertThat(Http.get(URI.create(serving.group(1) + "/__regshift/health"))
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
    }

    @Test
    void theMainClassExits2WhenItCannotStart() throws Exception {
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProxyCommand.class.getName(),
                        "--upstream",
                        "gopher://x"))
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.lines())
                .contains("regshift-proxy: error: upstream URL \"gopher://x\" is not an http or https URL;"
                        + " expected something like https://api.cloudflare.com/client/v4");
    }
}
