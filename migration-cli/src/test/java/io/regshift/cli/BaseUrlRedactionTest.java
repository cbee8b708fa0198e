package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User info and query strings of a configured base URL or upstream are never printed. */
class BaseUrlRedactionTest {
    static final String SECRET = "secret-7c1d";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken("tok-redact").build();

    private static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true), new PrintWriter(err, true), env, InputStream.nullInputStream(), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static String[] urls() {
        String hostPort = "127.0.0.1:" + cloudflare.port();
        return new String[] {
            "http://user:" + SECRET + "@" + hostPort + "/client/v4",
            "http://" + hostPort + "/client/v4?token=" + SECRET,
            "http://" + hostPort + "/client/v4#token=" + SECRET,
            "htp://user:" + SECRET + "@" + hostPort + "/client/v4?token=" + SECRET,
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void dryRunNeverPrintsTheSecretOfABaseUrlFlag(String format) {
        for (String url : urls()) {
            Cli cli = run(
                    Map.of(),
                    "revoke",
                    "--account",
                    "acc",
                    "--id",
                    "a",
                    "--dry-run",
                    "--format",
                    format,
                    "--base-url",
                    url);

            assertThat(cli.exit()).as(url).isEqualTo(2);
            assertThat(cli.out() + cli.err()).as(url).contains("base URL").doesNotContain(SECRET);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void dryRunNeverPrintsTheSecretOfTheEnvironmentsBaseUrl(String format) {
        for (String url : urls()) {
            Cli cli = run(
                    Map.of("CLOUDFLARE_BASE_URL", url),
                    "revoke",
                    "--account",
                    "acc",
                    "--id",
                    "a",
                    "--dry-run",
                    "--format",
                    format);

            assertThat(cli.exit()).as(url).isEqualTo(2);
            assertThat(cli.out() + cli.err())
                    .as(url)
                    .contains("CLOUDFLARE_BASE_URL")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void revokeRefusesTheBaseUrlWithoutPrintingItsSecretAndSendsNothing() {
        for (String url : urls()) {
            Cli flag = run(
                    Map.of("CLOUDFLARE_API_TOKEN", "tok-redact"),
                    "unrevoke",
                    "--account",
                    "acc",
                    "--id",
                    "a",
                    "--base-url",
                    url);
            Cli env = run(
                    Map.of("CLOUDFLARE_API_TOKEN", "tok-redact", "CLOUDFLARE_BASE_URL", url),
                    "revoke",
                    "--account",
                    "acc",
                    "--id",
                    "a");

            assertThat(flag.exit()).as(url).isEqualTo(2);
            assertThat(env.exit()).as(url).isEqualTo(2);
            assertThat(flag.out() + flag.err() + env.out() + env.err()).as(url).doesNotContain(SECRET);
        }
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void proxyRefusesTheUpstreamWithoutPrintingItsSecret() {
        for (String url : urls()) {
            Cli cli = run(Map.of(), "proxy", "--listen", "127.0.0.1:0", "--upstream", url);

            assertThat(cli.exit()).as(url).isEqualTo(2);
            assertThat(cli.out() + cli.err()).as(url).contains("upstream URL").doesNotContain(SECRET);
        }
    }
}
