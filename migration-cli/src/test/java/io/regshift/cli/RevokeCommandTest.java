package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RevokeCommandTest {
    static final String TOKEN = "cli-token-5e2b7c";

    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .apiKey("ops@acme.example", "cli-key-9f")
            .build();

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", cloudflare.baseUrl());
    }

    private static Cli run(Map<String, String> env, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, stdin, args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private Cli run(String... args) {
        return run(env(), InputStream.nullInputStream(), args);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "f174e90a-" + i).collect(Collectors.toList());
    }

    @Test
    void revokesTenThousandIdsFromAFile() throws IOException {
        List<String> ids = ids(10_000);
        Path file = dir.resolve("ids.txt");
        Files.write(file, ids);

        Cli cli = run("revoke", "--account", "acc", "--ids-file", file.toString());

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cloudflare.revokedIds("acc")).hasSize(10_000).containsAll(ids);
        assertThat(cloudflare.calls())
                .hasSize(50)
                .allSatisfy(c -> assertThat(c.ids()).hasSizeLessThanOrEqualTo(200));
        assertThat(cli.out().lines()).hasSize(10_000).allMatch(l -> l.endsWith("\trevoked"));
        assertThat(cli.err()).contains("10000 of 10000 registrations revoked");
    }

    @Test
    void unrevokesIdsGivenAsFlagsWithTheKeyPair() {
        cloudflare.givenRevoked("acc", "a", "b", "c");

        Cli cli = run(
                Map.of("CLOUDFLARE_EMAIL", "ops@acme.example", "CLOUDFLARE_API_KEY", "cli-key-9f"),
                InputStream.nullInputStream(),
                "unrevoke",
                "--account",
                "acc",
                "--id",
                "a",
                "--id",
                "c",
                "--base-url",
                cloudflare.baseUrl());

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cloudflare.revokedIds("acc")).containsExactly("b");
        assertThat(cli.out()).isEqualTo("a\tunrevoked\nc\tunrevoked\n");
        assertThat(cloudflare.calls().get(0).header("X-Auth-Key")).hasValue("cli-key-9f");
    }

    @Test
    void readsStandardInputWithBomCrlfBlankLinesCommentsAndDuplicates() {
        byte[] input = "\uFEFFa1\r\n\r\n# lost laptop\r\na2\r\n  a1  \r\na3".getBytes(StandardCharsets.UTF_8);

        Cli cli = run(env(), new ByteArrayInputStream(input), "revoke", "--account", "acc", "--ids-file", "-");

        assertThat(cli.exit()).isZero();
        assertThat(cloudflare.calls().get(0).ids()).containsExactly("a1", "a2", "a3");
        assertThat(cli.err()).contains("1 duplicate IDs are sent once");
    }

    @Test
    void badFilesAreUsageErrorsAndSendNothing() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n# nothing\n");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "ok-1\nnot/ok\n");
        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});

        Cli none = run("revoke", "--account", "acc", "--ids-file", empty.toString());
        Cli invalid = run("revoke", "--account", "acc", "--ids-file", bad.toString());
        Cli notUtf8 = run("revoke", "--account", "acc", "--ids-file", binary.toString());
        Cli missing = run(
                "revoke",
                "--account",
                "acc",
                "--ids-file",
                dir.resolve("nope.txt").toString());
        Cli both = run("revoke", "--account", "acc", "--id", "x", "--ids-file", bad.toString());
        Cli badAccount = run("revoke", "--account", "../x", "--id", "x");

        assertThat(List.of(none.exit(), invalid.exit(), notUtf8.exit(), missing.exit(), both.exit(), badAccount.exit()))
                .containsOnly(2);
        assertThat(none.err()).contains("no registration IDs in");
        assertThat(invalid.err()).contains("bad.txt:2: registration ID \"not/ok\" contains a path separator");
        assertThat(notUtf8.err()).contains("is not UTF-8 text");
        assertThat(missing.err()).contains("no such file");
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(badAccount.err()).contains("account ID \"../x\"");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void failuresAreListedWithCloudflaresErrorsAndExitOne() {
        cloudflare.inject(Fault.serverError(500).whenIdPresent("f174e90a-250"));

        Cli cli = run(
                "revoke", "--account", "acc", "--format", "json", "--id", String.join(",", ids(1)), "--ids-file", "x");
        Cli json = run(
                env(),
                new ByteArrayInputStream(String.join("\n", ids(450)).getBytes(StandardCharsets.UTF_8)),
                "revoke",
                "--account",
                "acc",
                "--format",
                "json",
                "--ids-file",
                "-");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(json.exit()).isEqualTo(1);
        Map<String, Object> root = parse(json.out());
        assertThat((List<?>) root.get("revoked")).hasSize(250);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failed = (List<Map<String, Object>>) root.get("failed");
        assertThat(failed).hasSize(200).allSatisfy(f -> {
            assertThat(f.get("status")).isEqualTo(500.0);
            assertThat(f.get("errors").toString()).contains("Server error 500");
        });
        assertThat(failed.get(0).get("id")).isEqualTo("f174e90a-200");
    }

    @Test
    void retriesFaultsAndSucceeds() {
        cloudflare
                .inject(Fault.rateLimited(java.time.Duration.ZERO).times(1))
                .inject(Fault.connectionReset().onRequest(3));

        Cli cli = run("revoke", "--account", "acc", "--id", "a", "--id", "b");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void refusedCredentialsAreAnAuthErrorAndMissingOnesAUsageError() {
        Cli wrong = run(
                Map.of("CLOUDFLARE_API_TOKEN", "nope", "CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--id",
                "a");
        Cli none = run(
                Map.of("CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--id",
                "a");

        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("Cloudflare refused the credentials").doesNotContain("nope");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no Cloudflare credentials: set CLOUDFLARE_API_TOKEN");
    }

    @Test
    void dryRunPrintsTheRequestsWithoutCredentialsAndSendsNothing() {
        Cli cli = run("revoke", "--account", "acc", "--dry-run", "--id", "a&b", "--id", "c");

        assertThat(cli.exit()).isZero();
        assertThat(cli.out())
                .startsWith(
                        "POST " + cloudflare.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a%26b&id=c\n")
                .contains("would send 1 request for 2 IDs")
                .doesNotContain(TOKEN);
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void dryRunPrintsTheMethodsAndUrlsThatTheRunSends() throws IOException {
        Path file = Files.write(dir.resolve("ids.txt"), ids(450));
        java.net.URI base = java.net.URI.create(cloudflare.baseUrl());
        String origin = base.getScheme() + "://" + base.getRawAuthority();

        Cli dry = run("unrevoke", "--account", "acc", "--dry-run", "--ids-file", file.toString());
        Cli sent = run("unrevoke", "--account", "acc", "--ids-file", file.toString());

        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(dry.out().lines().filter(l -> !l.startsWith("regshift:")))
                .containsExactlyElementsOf(cloudflare.calls().stream()
                        .map(c -> c.method() + " " + origin + c.url())
                        .toList());
    }

    @Test
    void aJsonDryRunNamesEachRequestsMethodAsTheRunSendsIt() {
        Cli dry = run("revoke", "--account", "acc", "--dry-run", "--format", "json", "--id", "a");
        Cli sent = run("revoke", "--account", "acc", "--id", "a");

        assertThat(sent.exit()).as(sent.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests =
                (List<Map<String, Object>>) parse(dry.out()).get("requests");
        assertThat(requests)
                .extracting(r -> r.get("method"))
                .containsExactly(cloudflare.calls().get(0).method());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJsonDryRunHasItsKeysInTheDocumentedOrderOnEveryRun() {
        Cli first = run("revoke", "--account", "acc", "--dry-run", "--format", "json", "--id", "a");
        Cli second = run("revoke", "--account", "acc", "--dry-run", "--format", "json", "--id", "a");

        Map<String, Object> root = parse(first.out());
        assertThat(root.keySet()).containsExactly("operation", "dryRun", "requests");
        assertThat(((List<Map<String, Object>>) root.get("requests")).get(0).keySet())
                .containsExactly("method", "url", "ids");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJsonResultHasItsKeysInTheDocumentedOrder() {
        cloudflare.inject(Fault.serverError(500).whenIdPresent("b"));

        Cli cli = run("revoke", "--account", "acc", "--format", "json", "--id", "a", "--id", "b");

        Map<String, Object> root = parse(cli.out());
        assertThat(root.keySet()).containsExactly("operation", "endpoint", "revoked", "failed", "summary");
        Map<String, Object> failure = ((List<Map<String, Object>>) root.get("failed")).get(0);
        assertThat(failure.keySet()).containsExactly("id", "status", "reason", "errors");
        assertThat(((List<Map<String, Object>>) failure.get("errors")).get(0).keySet())
                .containsExactly("code", "message");
        assertThat(((Map<String, Object>) root.get("summary")).keySet()).containsExactly("revoked", "failed");
    }

    @Test
    void theAccountComesFromTheEnvironmentWhenNotGiven() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("CLOUDFLARE_ACCOUNT_ID", "from-env");

        Cli cli = run(env, InputStream.nullInputStream(), "unrevoke", "--id", "a");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cloudflare.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.accountId()).hasValue("from-env"));
    }

    @Test
    void theAccountFlagWinsOverTheEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("CLOUDFLARE_ACCOUNT_ID", "from-env");

        Cli cli = run(env, InputStream.nullInputStream(), "revoke", "--account", "from-flag", "--dry-run", "--id", "a");

        assertThat(cli.out()).contains("/accounts/from-flag/").doesNotContain("from-env");
    }

    @Test
    void withoutAccountFlagOrEnvironmentTheErrorNamesBoth() {
        Cli cli = run("revoke", "--id", "a");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--account").contains("CLOUDFLARE_ACCOUNT_ID");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aDryRunWithoutCredentialsIsTheUsageErrorARunWouldBe() {
        Cli cli = run(
                Map.of("CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--id",
                "a",
                "--dry-run");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("no Cloudflare credentials: set CLOUDFLARE_API_TOKEN");
        assertThat(cli.out()).doesNotContain("would send");
    }

    @Test
    void aRedirectFailsItsIdsAndNothingReachesTheOtherHost() {
        try (FakeCloudflare elsewhere = FakeCloudflare.create().start()) {
            cloudflare
                    .wireMock()
                    .stubFor(WireMock.post(WireMock.urlPathMatching(".*/devices/registrations/revoke"))
                            .willReturn(WireMock.aResponse()
                                    .withStatus(307)
                                    .withHeader(
                                            "Location",
                                            elsewhere.baseUrl() + "/accounts/acc/devices/registrations/revoke?id=a")));

            Cli cli = run(
                    Map.of(
                            "CLOUDFLARE_EMAIL",
                            "ops@acme.example",
                            "CLOUDFLARE_API_KEY",
                            "cli-key-9f",
                            "CLOUDFLARE_BASE_URL",
                            cloudflare.baseUrl()),
                    InputStream.nullInputStream(),
                    "revoke",
                    "--account",
                    "acc",
                    "--id",
                    "a");

            assertThat(cli.exit()).isEqualTo(1);
            assertThat(cli.out()).contains("a\tfailed\tHTTP 307");
            assertThat(elsewhere.wireMock().getAllServeEvents()).isEmpty();
        } finally {
            cloudflare.removeCustomStubs();
        }
    }

    @Test
    void credentialsAreNeverAFlag() {
        Cli cli = run("revoke", "--account", "acc", "--id", "a", "--token", TOKEN);

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err())
                .contains("unknown option '--token' (values not shown)")
                .doesNotContain(TOKEN);
        assertThat(Cli.run("revoke", "--help").out()).contains("never from a flag");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return (Map<String, Object>) ScanCommandTest.json(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
